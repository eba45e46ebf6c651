package dev.mlreadiness.engine.markdown;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Turns parsed Markdown into the text a reader sees, for word searches. Raw HTML is left out: its tags
 * and attributes are not prose, and an HTML comment must never satisfy a rule.
 */
final class PlainText {

    private PlainText() {
    }

    /** The text of inline content (a heading, a paragraph, a table cell) on one line, whitespace collapsed. */
    static String ofInlines(Node container) {
        StringBuilder text = new StringBuilder();
        TreeWalk.walk(container, node -> {
            if (node instanceof Text t) {
                text.append(t.getLiteral());
            } else if (node instanceof Code c) {
                text.append(c.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append(' ');
            }
            return !(node instanceof HtmlInline);
        });
        return collapseWhitespace(text);
    }

    /** The text of a block and everything in it: one line per paragraph, heading or table row, code as is. */
    static String ofBlock(Node block) {
        StringBuilder text = new StringBuilder();
        TreeWalk.walk(block, node -> {
            if (node instanceof Paragraph || node instanceof Heading) {
                text.append(ofInlines(node)).append('\n');
                return false;
            }
            if (node instanceof TableRow) {
                text.append('\n');
            } else if (node instanceof TableCell) {
                text.append(ofInlines(node)).append('\t');
                return false;
            } else if (node instanceof FencedCodeBlock code) {
                text.append(code.getLiteral()).append('\n');
            } else if (node instanceof IndentedCodeBlock code) {
                text.append(code.getLiteral()).append('\n');
            }
            return !(node instanceof HtmlBlock);
        });
        return text.toString().strip();
    }

    private static String collapseWhitespace(CharSequence text) {
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = collapsed.length() > 0;
            } else {
                if (pendingSpace) {
                    collapsed.append(' ');
                    pendingSpace = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }
}
