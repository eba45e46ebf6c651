package dev.mlreadiness.engine.repo;

import java.util.Locale;
import java.util.Set;

/**
 * What counts as a test file: anything under a {@code tests/}, {@code test/} or R {@code testthat/} folder at any
 * depth (except {@code .gitkeep}, {@code __init__.py} and READMEs, which hold no test), and {@code test_*.py},
 * {@code *_test.py} and {@code conftest.py} anywhere, except Cookiecutter Data Science's {@code test_environment.py}
 * outside such a folder. The one place that decides it: every rule asking "is this a test?" uses {@link #isTestFile}.
 */
public final class TestFiles {

    /**
     * Files named like tests that hold none: Cookiecutter Data Science's {@code test_environment.py} checks the
     * Python version when {@code make requirements} runs. Under a tests folder they still count, through the folder.
     */
    private static final Set<String> NOT_TESTS = Set.of("test_environment.py");

    private TestFiles() {
    }

    public static boolean isTestFile(String path) {
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        boolean testName = (name.startsWith("test_") && name.endsWith(".py") && !NOT_TESTS.contains(name))
                || (name.endsWith("_test.py") && name.length() > "_test.py".length());
        if (name.equals("conftest.py") || testName) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(".gitkeep") || lower.equals("__init__.py") || lower.startsWith("readme")) {
            return false;
        }
        for (int i = 0; i < segments.length - 1; i++) {
            String s = segments[i];
            if (s.equals("tests") || s.equals("test") || s.equals("testthat")) {
                return true;
            }
        }
        return false;
    }
}
