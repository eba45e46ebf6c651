package dev.mlreadiness.engine.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;

/**
 * What a top-level block shows besides its text, for rules that ask how something is documented: the images
 * (Markdown {@code ![..](..)} and HTML {@code <img src>}), the link destinations, the inline code spans, and whether
 * it holds a list of at least two items (ordered or bulleted: steps, when a section describes a process).
 *
 * @param images the image sources, in document order
 * @param links the link destinations, in document order
 * @param inlineCode the contents of the inline code spans, in document order
 * @param orderedList whether the block is or holds an ordered list with at least two items
 * @param bulletList whether the block is or holds a bullet list with at least two items
 */
record BlockDetails(List<String> images, List<String> links, List<String> inlineCode, boolean orderedList,
        boolean bulletList) {

    static final BlockDetails NONE = new BlockDetails(List.of(), List.of(), List.of(), false, false);

    /** {@code <img ... src="x">} in raw HTML; the source is capped so that a crafted attribute stays cheap. */
    private static final Pattern HTML_IMAGE = Pattern.compile(
            "<img\\b[^>]{0,1000}?\\bsrc\\s*=\\s*[\"']?([^\"'\\s>]{1,500})", Pattern.CASE_INSENSITIVE);

    /** An HTML comment (an unclosed one runs to the end): what it holds is not shown. */
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?(-->|$)");

    /** The most of each kind kept per block: enough to judge, bounded on a crafted page. */
    private static final int MAX = 200;

    static BlockDetails of(Node block) {
        List<String> images = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> code = new ArrayList<>();
        boolean[] ordered = { false };
        boolean[] bullets = { false };
        TreeWalk.walk(block, node -> {
            if (node instanceof TableBlock) {
                return true;
            }
            if (node instanceof Image image) {
                add(images, image.getDestination());
            } else if (node instanceof Link link) {
                add(links, link.getDestination());
            } else if (node instanceof Code c) {
                add(code, c.getLiteral());
            } else if (node instanceof HtmlBlock html) {
                htmlImages(html.getLiteral(), images);
            } else if (node instanceof HtmlInline html) {
                htmlImages(html.getLiteral(), images);
            } else if (node instanceof OrderedList list && items(list) >= 2) {
                ordered[0] = true;
            } else if (node instanceof BulletList list && items(list) >= 2) {
                bullets[0] = true;
            }
            return true;
        });
        if (images.isEmpty() && links.isEmpty() && code.isEmpty() && !ordered[0] && !bullets[0]) {
            return NONE;
        }
        return new BlockDetails(List.copyOf(images), List.copyOf(links), List.copyOf(code), ordered[0], bullets[0]);
    }

    /** The details of several blocks together, in order. */
    static BlockDetails join(List<BlockDetails> parts) {
        List<String> images = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> code = new ArrayList<>();
        boolean ordered = false;
        boolean bullets = false;
        for (BlockDetails d : parts) {
            images.addAll(d.images);
            links.addAll(d.links);
            code.addAll(d.inlineCode);
            ordered |= d.orderedList;
            bullets |= d.bulletList;
        }
        return new BlockDetails(List.copyOf(images), List.copyOf(links), List.copyOf(code), ordered, bullets);
    }

    private static int items(org.commonmark.node.ListBlock list) {
        int n = 0;
        for (Node item = list.getFirstChild(); item != null && n < 2; item = item.getNext()) {
            if (item instanceof ListItem) {
                n++;
            }
        }
        return n;
    }

    private static void htmlImages(String html, List<String> out) {
        if (!html.toLowerCase(Locale.ROOT).contains("<img")) {
            return;
        }
        Matcher m = HTML_IMAGE.matcher(COMMENT.matcher(html).replaceAll(" "));
        while (m.find() && out.size() < MAX) {
            out.add(m.group(1));
        }
    }

    private static void add(List<String> list, String value) {
        if (value != null && list.size() < MAX) {
            list.add(value);
        }
    }
}
