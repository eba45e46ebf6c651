package dev.mlreadiness.engine.docs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.mlreadiness.engine.markdown.ContentBlock;
import dev.mlreadiness.engine.markdown.WordMatcher;

/**
 * Recognises the stock text of project templates, which says nothing about the project and must not count as
 * its documentation. Known: Cookiecutter Data Science, v1 and v2:
 * <ul>
 * <li>the README's placeholder description ({@code A short description of the project.}), its "Project
 * Organization" tree (a code block holding at least three of the tree's stock {@code <-} notes, edited or
 * not) and its footer or badge linking to the template (HTML naming {@code cookiecutter-data-science});</li>
 * <li>the Sphinx pages {@code docs/index.rst}, {@code docs/getting-started.rst} and {@code docs/commands.rst},
 * and the mkdocs pages {@code docs/docs/index.md}, {@code docs/docs/getting-started.md} and
 * {@code docs/README.md}: every sentence the template writes in them (the toctree, the "This is where you
 * describe how to get set up..." placeholder, the Makefile sentence, the {@code make sync_data_*} items).</li>
 * </ul>
 * A paragraph, list item or table row is template text only when all its words are one stock sentence (with
 * the project's name, bucket or command filled in where the template has a placeholder): a stock sentence
 * followed by the author's own words is the author's text.
 */
public final class TemplateText {

    /** At most this many words fill one {@code *} of a stock sentence (a project name, a bucket, a command). */
    private static final int MAX_FILL = 16;

    /**
     * The stock sentences, as lower-case words ({@link WordMatcher} splitting), {@code *} standing for 0 to
     * {@value #MAX_FILL} words the template fills in.
     */
    private static final List<String[]> SENTENCES = List.of(
            // README.md
            "a short description of the project",
            "project based on the cookiecutter data science project template cookiecutterdatascience",
            // docs/index.rst (Sphinx) and docs/docs/index.md (mkdocs)
            "* documentation master file created by sphinx quickstart you can adapt this file completely to your "
                    + "liking but it should at least contain the root toctree directive",
            "contents",
            "toctree maxdepth 2",
            "toctree maxdepth 2 getting started commands",
            "getting started commands",
            "ref genindex", "ref modindex", "ref search",
            // docs/getting-started.rst|md
            "this is where you describe how to get set up on a clean install",
            "this is where you describe how to get set up on a clean install including the commands necessary to "
                    + "get the raw data * and then how to make the cleaned final data sets",
            // docs/commands.rst and the mkdocs index's Commands section
            "the makefile contains the central entry points for common tasks related to this project",
            "make sync data * will use * to recursively sync files * to *",
            // docs/README.md (mkdocs)
            "use mkdocs structure to update the documentation",
            "build locally with", "serve locally with", "mkdocs build", "mkdocs serve")
            .stream().map(s -> s.split(" ")).toList();

    /** Notes of the stock "Project Organization" tree; three of them in a code block make it the stock tree. */
    private static final List<String> TREE_NOTES = List.of(
            "the top level readme for developers using this project",
            "data from third party sources",
            "intermediate data that has been transformed",
            "the final canonical data sets for modeling",
            "the original immutable data dump",
            "trained and serialized models model predictions or model summaries",
            "data dictionaries manuals and all other explanatory materials",
            "generated analysis as html pdf latex etc",
            "generated graphics and figures to be used in reporting",
            "source code for use in this project",
            "jupyter notebooks naming convention is a number for ordering",
            "scripts to download or generate data");

    private static final int TREE_NOTES_NEEDED = 3;

    private TemplateText() {
    }

    /** Whether the block is template text only. */
    public static boolean matches(ContentBlock block) {
        return switch (block.kind()) {
            case HTML -> {
                String html = block.text().toLowerCase(Locale.ROOT);
                yield html.contains("cookiecutter-data-science") || html.contains("cookiecutterdatascience");
            }
            case CODE -> isStockTree(block.text()) || isStockLines(block.text());
            case TEXT -> isStockLines(block.text());
        };
    }

    private static boolean isStockTree(String code) {
        return TREE_NOTES.stream().filter(note -> WordMatcher.containsWord(code, note)).limit(TREE_NOTES_NEEDED)
                .count() == TREE_NOTES_NEEDED;
    }

    /** Whether every line with words is a stock sentence, and some line has words. */
    private static boolean isStockLines(String text) {
        boolean any = false;
        for (String line : text.split("\n")) {
            List<String> words = WordMatcher.words(line);
            if (words.isEmpty()) {
                continue;
            }
            if (SENTENCES.stream().noneMatch(sentence -> fills(sentence, words))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Whether {@code words} are the whole {@code sentence}, each {@code *} standing for 0 to {@value #MAX_FILL}
     * words. Dynamic programming over (sentence position, word position): linear in the words for a given
     * sentence, and lines longer than any filled sentence are rejected before it.
     */
    private static boolean fills(String[] sentence, List<String> words) {
        long stars = Arrays.stream(sentence).filter("*"::equals).count();
        if (words.size() > sentence.length - stars + stars * MAX_FILL
                || !sentence[0].equals("*") && !sentence[0].equals(words.get(0))) {
            return false;
        }
        // reach[j]: the first i tokens of the sentence can spell the first j words
        boolean[] reach = new boolean[words.size() + 1];
        reach[0] = true;
        for (String token : sentence) {
            boolean[] next = new boolean[words.size() + 1];
            for (int j = 0; j <= words.size(); j++) {
                if (!reach[j]) {
                    continue;
                }
                if (token.equals("*")) {
                    for (int k = j; k <= Math.min(words.size(), j + MAX_FILL); k++) {
                        next[k] = true;
                    }
                } else if (j < words.size() && words.get(j).equals(token)) {
                    next[j + 1] = true;
                }
            }
            reach = next;
        }
        return reach[words.size()];
    }
}
