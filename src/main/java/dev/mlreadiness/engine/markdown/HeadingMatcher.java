package dev.mlreadiness.engine.markdown;

import java.util.Collection;
import java.util.Optional;

/**
 * Finds a document's section by heading words (the docs rules' "section words"): a heading matches when
 * its text contains one of the words as a whole word or phrase, in any inflected form, case-insensitively,
 * as {@link WordMatcher#containsAnyWordForm} defines it ({@code Installing} matches {@code install},
 * {@code Deployment} matches {@code deploy}, {@code Strains} does not match {@code train}). Headings of
 * every level count.
 */
public final class HeadingMatcher {

    private HeadingMatcher() {
    }

    /** Whether a heading text contains one of {@code words}, in any inflected form, as a whole word or phrase. */
    public static boolean matches(String headingText, Collection<String> words) {
        return WordMatcher.containsAnyWordForm(headingText, words);
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
