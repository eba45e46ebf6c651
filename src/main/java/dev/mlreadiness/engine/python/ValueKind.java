package dev.mlreadiness.engine.python;

/** What kind of expression a call argument is, as far as its tokens tell. */
public enum ValueKind {
    /** The {@code None} literal. */
    NONE,
    /** The {@code True} literal. */
    TRUE,
    /** The {@code False} literal. */
    FALSE,
    /** A number literal, optionally signed: {@code 42}, {@code -1}, {@code 0.5}, {@code 1e-3}. */
    NUMBER,
    /** One string literal or several implicitly concatenated ones, f-strings included. */
    STRING,
    /** A plain dotted name: {@code SEED}, {@code config.seed}. */
    NAME,
    /** A call, possibly on a dotted name or a chain: {@code np.random.default_rng(0)}. */
    CALL,
    /** Anything else: operators, subscripts, lambdas, collections, comprehensions. */
    OTHER
}
