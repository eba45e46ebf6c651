package dev.mlreadiness.engine.rule;

/**
 * Turns one file's content into what rules need (tokens, a Markdown outline, requirements). Declare each parser
 * once as a constant and share it: the {@link RuleContext} caches results per parser instance and path, so a
 * file is parsed once per evaluation whatever the number of rules reading it, as long as the cache's memory budget
 * holds (beyond it, results are not kept and a file is parsed again by the next rule asking).
 */
@FunctionalInterface
public interface FileParser<T> {

    /**
     * @throws ParseFailure when the content cannot be used; the file is then listed as skipped with the reason
     */
    T parse(String path, byte[] content) throws ParseFailure;

    /**
     * About how many bytes of memory a result holds, for the {@link RuleContext}'s cache, which keeps results up
     * to a budget and parses again beyond it (so that a repository of many large files is not held whole). By
     * default four times the content's length.
     */
    default long weight(T parsed, byte[] content) {
        return 4L * content.length;
    }

    /** Content that a parser cannot use; the message is shown to people as the reason the file was skipped. */
    class ParseFailure extends Exception {
        public ParseFailure(String message) {
            super(message);
        }

        public ParseFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
