package dev.mlreadiness.engine.markdown;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds whole words and phrases in prose, case-insensitively: {@code data} is found in {@code Data
 * sources} but not in {@code Metadata}, {@code deploy} not in {@code Deployment}.
 *
 * <p>
 * Text and words are split into words at every character that is not a letter or a digit, so
 * whitespace, hyphens, underscores and punctuation all separate words ({@code Getting-Started} and
 * {@code Quick_start} read as {@code getting started} and {@code quick start}). Text is compared after
 * Unicode NFKC normalisation and lower-casing, so {@code R²} reads as {@code r2}.
 *
 * <p>
 * Closed and open compounds match each other: a word or phrase is found where consecutive words of
 * the text, glued together, spell it glued together. So the phrase {@code quick start} matches
 * {@code Quickstart}, and the word {@code quickstart} matches {@code Quick start}; {@code log loss}
 * matches {@code logloss}. A match still starts and ends at word boundaries: {@code quickstart} is not
 * found in {@code quickstarter}.
 *
 * <p>
 * {@link #containsWord} and {@link #containsAnyWord} do not fold inflections: {@code install} is not
 * found in {@code Installing}. {@link #containsAnyWordForm} does: it compares the {@link #stem stems} of the
 * words, so {@code install} is found in {@code Installing}, {@code Installed} and {@code Installation},
 * {@code train} in {@code Trains}, {@code evaluate} in {@code Evaluation}, still as whole words:
 * {@code train} is not found in {@code Strains} or {@code Constraint}.
 */
public final class WordMatcher {

    /** Suffixes {@link #stem} removes, longest first where one ends another. */
    private static final List<String> SUFFIXES = List.of("ations", "ation", "ating", "ated", "ates", "ate",
            "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "e");

    private WordMatcher() {
    }

    /** Whether {@code text} contains {@code word} (a word or a phrase) as whole words; see the class notes. */
    public static boolean containsWord(String text, String word) {
        return containsWord(words(text), String.join("", words(word)));
    }

    /** Whether {@code text} contains any of {@code words} as whole words; see the class notes. */
    public static boolean containsAnyWord(String text, Collection<String> words) {
        List<String> textWords = words(text);
        return words.stream().anyMatch(word -> containsWord(textWords, String.join("", words(word))));
    }

    /**
     * Whether {@code text} contains any of {@code words} in any of its inflected forms: like
     * {@link #containsAnyWord}, comparing the {@link #stem stems} of the words instead of the words.
     */
    public static boolean containsAnyWordForm(String text, Collection<String> words) {
        List<String> textStems = stems(words(text));
        return words.stream().anyMatch(word -> containsWord(textStems, String.join("", stems(words(word)))));
    }

    /**
     * A crude stem of one lower-case word, so inflected forms of a word share it: the first of {@code -ations
     * -ation -ating -ated -ates -ate -ments -ment -ings -ing -ies -ied -ed -es -s -e} it ends with is removed
     * ({@code -ies} and {@code -ied} become {@code -y}) when at least three letters are left, then a doubled
     * final consonant is made single. {@code installation}, {@code installing} and {@code install} all give
     * {@code instal}; {@code evaluation} and {@code evaluate} give {@code evalu}; {@code running} gives
     * {@code run}. A suffix goes only when three letters are left, so {@code use} and {@code uses} never meet
     * {@code us}.
     */
    static String stem(String word) {
        String stem = word;
        for (String suffix : SUFFIXES) {
            if (word.endsWith(suffix) && word.length() - suffix.length() >= 3) {
                stem = word.substring(0, word.length() - suffix.length());
                if (suffix.startsWith("ie")) {
                    stem += "y";
                }
                break;
            }
        }
        int n = stem.length();
        if (n >= 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdfglmnprstz".indexOf(stem.charAt(n - 1)) >= 0) {
            stem = stem.substring(0, n - 1);
        }
        return stem;
    }

    private static List<String> stems(List<String> words) {
        return words.stream().map(WordMatcher::stem).toList();
    }

    private static boolean containsWord(List<String> textWords, String glued) {
        if (glued.isEmpty()) {
            return false;
        }
        for (int start = 0; start < textWords.size(); start++) {
            StringBuilder run = new StringBuilder();
            for (int end = start; end < textWords.size() && run.length() < glued.length(); end++) {
                run.append(textWords.get(end));
                if (!glued.startsWith(run.toString())) {
                    break;
                }
                if (run.length() == glued.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The lower-cased words of {@code text}: maximal runs of letters and digits, after NFKC normalisation. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        normalized.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint)) {
                word.appendCodePoint(codePoint);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
