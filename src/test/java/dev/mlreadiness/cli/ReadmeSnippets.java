package dev.mlreadiness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fenced code blocks of the README, taken from it by the tests that run them, so they cannot drift. */
final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /** The first {@code ```lang} block of the section headed {@code ## heading}. */
    static String block(String heading, String lang) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new AssertionError("README.md has no section ## " + heading);
        }
        int next = readme.indexOf("\n## ", start + 4);
        String section = readme.substring(start, next < 0 ? readme.length() : next);
        int open = section.indexOf("\n```" + lang + "\n");
        if (open < 0) {
            throw new AssertionError("the section ## " + heading + " has no ```" + lang + " block");
        }
        int from = open + lang.length() + 5;
        int close = section.indexOf("\n```\n", from - 1);
        return section.substring(from, close + 1);
    }
}
