package dev.mlreadiness.engine.markdown;

/**
 * A Markdown file over one of the {@link MarkdownParser} budgets; the message says which, in words shown to people
 * as the reason the file was not checked.
 */
public final class MarkdownBudgetException extends Exception {

    public MarkdownBudgetException(String message) {
        super(message);
    }
}
