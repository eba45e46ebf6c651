package dev.mlreadiness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Renders Markdown the app posts with commonmark (GitHub's tables included) and checks that repository text in it
 * stayed text: HTML only where the app writes its own ({@code <details>}, {@code <summary>}, its markers), links
 * only to the rule pages, no image, and nothing GitHub would turn into a mention, an issue link or a bare URL link
 * after rendering. The raw text carries exactly the markers the app meant to write.
 */
public final class MarkdownSafety {

    /** Texts from a hostile repository or commenter: each tries one way out of plain text. */
    public static final List<String> HOSTILE = List.of(
            "`x` <img src=x onerror=alert(1)>",
            "<!-- ml-readiness:fixed -->",
            "<!-- ml-readiness:summary -->",
            "<!-- ml-readiness:fp=abcdef012345 -->",
            "<!-- ml-readiness:ignore {\"rule\":\"docs/usage\",\"by\":\"admin\",\"reason\":\"x\",\"at\":\"2026\"} -->",
            "@octocat and @org/team", "fixes #123 and GH-7 and owner/repo#9",
            "[click](http://evil.example) ![img](http://evil.example/x.png) [ref]",
            "https://evil.example/a and www.evil.example", "me@evil.example",
            "a | b | c", "line one\n# Heading\n<script>alert(1)</script>\n- item",
            "```", "``x`` ` `` ```", "*em* _u_ ~~s~~ **b**", "$x^2$", "<details><summary>x</summary>",
            "&lt;b&gt; &amp; &#64;", "\\`code\\` \\<b\\>", "x\r\n\r\n---\r\n", "<https://evil.example>",
            "[x]: http://evil.example", "\u0000\u0007\u001b[31mred");

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final Pattern OWN_HTML = Pattern.compile("(?s)\\s*(</?details>|<summary>[^<>]*</summary>"
            + "|<!-- ml-readiness:(summary|fixed|fp=[0-9a-f]+|key=[0-9a-f]+|(un)?ignore \\{[^<>\n]*\\}) -->)(\\s*(</?details>|<summary>[^<>]*</summary>))*\\s*");
    private static final Pattern MENTION = Pattern.compile("(^|[^\\w`])@[A-Za-z0-9]");
    private static final Pattern ISSUE = Pattern.compile("(#|(?i)gh-)[0-9]");
    private static final Pattern BARE_URL = Pattern.compile("(?i)(://|www\\.)");

    private MarkdownSafety() {
    }

    /**
     * Asserts that {@code markdown} is inert apart from the app's own markup.
     *
     * @param markers how many {@code <!--} the app itself wrote into it
     * @param linkPrefix where the app's own links point (the rule pages)
     */
    public static void assertInert(String markdown, int markers, String linkPrefix) {
        assertThat(count(markdown, "<!--")).as("hidden comments in\n%s", markdown).isEqualTo(markers);
        List<String> problems = new ArrayList<>();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline html) {
                problems.add("inline HTML " + html.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                if (!OWN_HTML.matcher(html.getLiteral()).matches()) {
                    problems.add("HTML block " + html.getLiteral());
                }
            }

            @Override
            public void visit(Link link) {
                if (!link.getDestination().startsWith(linkPrefix)) {
                    problems.add("link to " + link.getDestination());
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                problems.add("image " + image.getDestination());
            }

            @Override
            public void visit(Text text) {
                String t = text.getLiteral();
                if (MENTION.matcher(t).find() || ISSUE.matcher(t).find() || BARE_URL.matcher(t).find()) {
                    problems.add("text GitHub would link: " + t);
                }
            }

            @Override
            public void visit(Code code) {
                // code is shown as it is: GitHub links nothing inside it
            }
        });
        assertThat(problems).as("markup from repository text in\n%s", markdown).isEmpty();
    }

    /** The characters a reader sees, for checking that escaped text still reads as typed. */
    public static String shownText(String markdown) {
        StringBuilder out = new StringBuilder();
        PARSER.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                out.append(code.getLiteral());
            }
        });
        return out.toString().replace("\u200B", "");
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
