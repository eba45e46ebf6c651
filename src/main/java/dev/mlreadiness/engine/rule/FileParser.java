package dev.mlreadiness.engine.rule;

/**
 * Turns one file's content into what rules need (tokens, a Markdown outline, requirements). Declare each parser
 * once as a constant and share it: the {@link RuleContext} caches results per parser instance and path, so every
 * file is parsed at most once per evaluation whatever the number of rules reading it.
 */
@FunctionalInterface
public interface FileParser<T> {

    /**
     * @throws ParseFailure when the content cannot be used; the file is then listed as skipped with the reason
     */
    T parse(String path, byte[] content) throws ParseFailure;

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
