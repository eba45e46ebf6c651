package dev.mlreadiness.engine.python;

/**
 * One name bound by an import statement.
 *
 * <ul>
 * <li>{@code import numpy as np}: module {@code numpy}, name {@code null}, alias {@code np}</li>
 * <li>{@code import a.b.c}: module {@code a.b.c}, name {@code null}, alias {@code a} (Python binds the
 * first segment)</li>
 * <li>{@code from sklearn.model_selection import train_test_split as tts}: module
 * {@code sklearn.model_selection}, name {@code train_test_split}, alias {@code tts}</li>
 * <li>{@code from ..pkg import x}: module {@code ..pkg} (relative imports keep their dots)</li>
 * <li>{@code from x import *}: name {@code *}, alias {@code null} (no single name is bound)</li>
 * </ul>
 *
 * @param module the module as written after {@code import} or {@code from}
 * @param name the imported name for {@code from} imports, else {@code null}
 * @param alias the name the statement binds in the module's namespace
 * @param line 1-based line of the imported module or name
 */
public record Import(String module, String name, String alias, int line) {
}
