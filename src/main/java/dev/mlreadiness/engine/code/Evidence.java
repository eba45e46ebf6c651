package dev.mlreadiness.engine.code;

/**
 * One place in the code that shows something about the project, for rules to cite.
 *
 * @param path the file
 * @param line 1-based line in the file (the {@code .ipynb} text for a notebook)
 * @param what what was found, as written in the code: {@code RandomForestClassifier}, {@code import mlflow},
 *        {@code validation_split=}
 */
public record Evidence(String path, int line, String what) {
}
