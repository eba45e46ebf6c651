package dev.mlreadiness.engine.docs;

import java.util.List;
import java.util.Optional;

/**
 * Where the documentation set has sections matching some heading words.
 *
 * @param found the matching sections with content, README first, then the other docs by path
 * @param firstEmpty the first matching heading without content (what to point at when nothing was found)
 */
public record SectionSearch(List<DocSection> found, Optional<DocSection> firstEmpty) {

    public boolean isFound() {
        return !found.isEmpty();
    }
}
