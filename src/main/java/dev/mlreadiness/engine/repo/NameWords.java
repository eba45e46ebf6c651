package dev.mlreadiness.engine.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The words of a file name, as people read them: {@code churnModel_final-v2.pkl} is churn, model, final, v, 2.
 * Shared by the rules that look for a word in a name ({@code final}, {@code model}) rather than a substring.
 */
public final class NameWords {

    /** Where a word starts: after a separator, at a lower-to-upper case step, between letters and digits. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "[^\\p{L}\\p{N}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    private NameWords() {
    }

    /** The lower-case words of the file name without its last extension (a path's folders are left out). */
    public static List<String> of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        List<String> words = new ArrayList<>();
        for (String word : BOUNDARY.split(stem)) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }
}
