package dev.mlreadiness.engine;

/** The verdict of an evaluation under the config's {@code fail-on}. */
public enum Conclusion {
    SUCCESS,
    FAILURE
}
