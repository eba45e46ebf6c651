package dev.mlreadiness.engine.code;

/**
 * A random seed the code sets, with a value the code itself fixes.
 *
 * @param path the file
 * @param line 1-based line in the file (the {@code .ipynb} text for a notebook)
 * @param value the seed as written, an integer literal: {@code 42}
 * @param constant the name the code gives it, when it passes the seed through one ({@code SEED} after
 *        {@code SEED = 42}, or a command-line option {@code --seed} whose default it is); null when passed as a
 *        literal
 * @param code the place as written in the code: {@code random_state=42}, {@code np.random.seed(SEED)}
 */
public record Seed(String path, int line, String value, String constant, String code) {
}
