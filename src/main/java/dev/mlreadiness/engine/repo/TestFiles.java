package dev.mlreadiness.engine.repo;

import java.util.Locale;

/**
 * What counts as a test file: anything under a {@code tests/}, {@code test/} or R {@code testthat/} folder at any
 * depth (except {@code .gitkeep}, {@code __init__.py} and READMEs, which hold no test), and {@code test_*.py},
 * {@code *_test.py} and {@code conftest.py} anywhere.
 */
public final class TestFiles {

    private TestFiles() {
    }

    public static boolean isTestFile(String path) {
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        if (name.equals("conftest.py") || (name.startsWith("test_") && name.endsWith(".py"))
                || (name.endsWith("_test.py") && name.length() > "_test.py".length())) {
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
