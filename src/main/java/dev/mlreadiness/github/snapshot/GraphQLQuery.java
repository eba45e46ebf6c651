package dev.mlreadiness.github.snapshot;

import java.io.IOException;

import jakarta.json.JsonObject;

/** Runs one GraphQL query against GitHub and answers its {@code data}; fails only when there is no data. */
@FunctionalInterface
public interface GraphQLQuery {

    JsonObject run(String query) throws IOException;

    /**
     * This runner, but a query GitHub answers with a failure of its own execution ("Something went wrong while
     * executing your query": a timeout or a fault on its side) fails at once instead of being tried again: for a
     * request whose caller has a smaller one to fall back on, which a field of the failed one may have slowed down.
     */
    default GraphQLQuery failingFastOnExecutionErrors() {
        return this;
    }

    /**
     * GitHub answered the query with a failure of its own execution ("Something went wrong while executing your
     * query", often a timeout) on its last try: a query too heavy for GitHub fails so every time, a smaller one may
     * not.
     */
    final class ExecutionFailed extends IOException {
        private static final long serialVersionUID = 1L;

        public ExecutionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A GraphQL string literal (GraphQL strings escape like JSON strings). */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
