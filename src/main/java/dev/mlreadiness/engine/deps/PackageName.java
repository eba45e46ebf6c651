package dev.mlreadiness.engine.deps;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Package names as PEP 503 compares them: {@code Scikit_Learn}, {@code scikit.learn} and
 * {@code scikit-learn} are one package.
 */
public final class PackageName {

    private static final Pattern SEPARATOR_RUN = Pattern.compile("[-_.]+");

    private PackageName() {
    }

    /** Lower-cases the name and folds each run of {@code -}, {@code _} and {@code .} into one {@code -}. */
    public static String normalise(String name) {
        return SEPARATOR_RUN.matcher(name.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
