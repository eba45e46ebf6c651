package dev.mlreadiness.engine.markdown;

import java.util.function.Predicate;

import org.commonmark.node.Node;

/**
 * Walks a commonmark node tree in document order without recursion: a README can nest block quotes or
 * emphasis thousands deep, and a recursive visitor would overflow the stack on it.
 */
final class TreeWalk {

    private TreeWalk() {
    }

    /**
     * Visits {@code root} and then its descendants in document order.
     *
     * @param visitor called once per node; returns whether to go into that node's children
     */
    static void walk(Node root, Predicate<Node> visitor) {
        if (!visitor.test(root)) {
            return;
        }
        Node node = root.getFirstChild();
        while (node != null) {
            if (visitor.test(node) && node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
            }
            node = node == root ? null : node.getNext();
        }
    }

    /** Whether {@code root} or any node below it satisfies {@code test}; stops at the first hit. */
    static boolean anyMatch(Node root, Predicate<Node> test) {
        boolean[] hit = { false };
        walk(root, node -> {
            if (!hit[0] && test.test(node)) {
                hit[0] = true;
            }
            return !hit[0];
        });
        return hit[0];
    }

    /** 1-based first line of a block; nodes without a source span take their parent's line. */
    static int lineOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.getSourceSpans().isEmpty()) {
                return n.getSourceSpans().get(0).getLineIndex() + 1;
            }
        }
        return 1;
    }
}
