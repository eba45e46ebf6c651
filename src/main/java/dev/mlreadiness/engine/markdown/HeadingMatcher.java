package dev.mlreadiness.engine.markdown;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds a document's section by heading words (the docs rules' "section words"): a heading matches when
 * its text contains one of the words as a whole word or phrase, case-insensitively, as
 * {@link WordMatcher} defines it. Headings of every level count.
 */
public final class HeadingMatcher {

    private HeadingMatcher() {
    }

    /** Whether a heading text contains one of {@code words} as a whole word or phrase. */
    public static boolean matches(String headingText, Collection<String> words) {
        return WordMatcher.containsAnyWord(headingText, words);
    }

    /** The first section, in document order, whose heading matches and which has content. */
    public static Optional<Section> findSection(MarkdownDocument document, Collection<String> words) {
        SectionMatch match = match(document, words);
        return match.found() ? match.section() : Optional.empty();
    }

    /**
     * The first matching section with content ({@code FOUND}); else the first matching heading
     * ({@code EMPTY}); else {@code MISSING}.
     */
    public static SectionMatch match(MarkdownDocument document, Collection<String> words) {
        Section firstEmpty = null;
        for (Section section : document.sections()) {
            if (!matches(section.text(), words)) {
                continue;
            }
            if (section.hasContent()) {
                return SectionMatch.withContent(section);
            }
            if (firstEmpty == null) {
                firstEmpty = section;
            }
        }
        return firstEmpty == null ? SectionMatch.notFound() : SectionMatch.withoutContent(firstEmpty);
    }
}
