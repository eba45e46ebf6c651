package dev.mlreadiness.report;

import java.util.Locale;

import dev.mlreadiness.engine.markdown.InlineCode;

/**
 * The one way text from a repository or a person (paths, requirement lines, headings, exception names, config
 * values, rule ids typed in a command, logins, reasons) goes into the Markdown the app posts and the CLI prints.
 * Whatever it holds, it shows as the characters it is and never as markup: no HTML, no link, image or autolink,
 * no {@code @mention}, no {@code #123} issue link, no emphasis, no code span or table cell that closes early, no
 * line break that starts a new block, and never {@code <!--}, so it cannot forge the hidden markers the app
 * finds its own comments by.
 *
 * <p>
 * Mentions, issue references and bare URLs are links GitHub adds after rendering, to the text it shows, so
 * escaping their characters would not stop them: a zero-width space (written as an entity) after the {@code @},
 * after {@code #} or {@code GH-} before a digit, in {@code ://} and in {@code www.} breaks the pattern while the
 * text reads the same.
 */
public final class MarkdownText {

    private static final String ZERO_WIDTH_SPACE = "&#8203;";

    private MarkdownText() {
    }

    /**
     * The raw text cut to at most {@code max} characters and "…" when it is longer, never between the two halves of
     * a surrogate pair; null stays null. For repository text before it is escaped, so a posted body stays bounded.
     */
    public static String cut(String raw, int max) {
        if (raw == null || raw.length() <= max) {
            return raw;
        }
        int end = Character.isHighSurrogate(raw.charAt(max - 1)) ? max - 1 : max;
        return raw.substring(0, end) + "…";
    }

    /** {@code raw} as inline Markdown text, on one line. */
    public static String text(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        String lower = raw.toLowerCase(Locale.ROOT);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append('@').append(ZERO_WIDTH_SPACE);
                case '#' -> out.append("\\#").append(i + 1 < raw.length() && isAsciiDigit(raw.charAt(i + 1))
                        ? ZERO_WIDTH_SPACE
                        : "");
                case '-' -> out.append('-').append(i >= 2 && lower.startsWith("gh", i - 2) && i + 1 < raw.length()
                        && isAsciiDigit(raw.charAt(i + 1)) ? ZERO_WIDTH_SPACE : "");
                case ':' -> out.append(':').append(lower.startsWith("//", i + 1) ? ZERO_WIDTH_SPACE : "");
                case 'w', 'W' -> out.append(c).append(lower.startsWith("ww.", i) ? ZERO_WIDTH_SPACE : "");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '|', '~', '!', '{', '}', '$' ->
                    out.append('\\').append(c);
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /**
     * {@code raw} shown as code: a code span with a fence longer than any backtick run inside, on one line. Text
     * holding {@code <!--} is shown as {@link #text} instead: nothing inside a code span can be escaped, and the
     * raw comment must not carry what looks like one of the app's markers.
     */
    public static String code(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder flat = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            flat.append(Character.isISOControl(c) ? ' ' : c);
        }
        String content = flat.toString();
        return content.contains("<!--") ? text(raw) : InlineCode.span(content);
    }

    /**
     * A rule's message: plain text with code spans in CommonMark syntax. Each code span is written again with
     * {@link #code} and the text between with {@link #text}, so the result is safe however the message was put
     * together (a backtick in a quoted requirement line cannot open or close anything). Linear in the message.
     */
    public static String message(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (InlineCode.Part part : InlineCode.split(raw)) {
            out.append(part.code() ? code(InlineCode.shown(part.text())) : text(part.text()));
        }
        return out.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
