package dev.mlreadiness.engine.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.mlreadiness.engine.snapshot.InputLimits;

/**
 * Splits Python source into tokens following Python's lexical grammar, in one pass over a char array.
 *
 * <p>
 * Follows the language reference for strings (every prefix, case-insensitive; single, double and
 * triple quotes; escapes; raw strings, where a backslash still protects the next quote), comments,
 * numbers, operators, explicit line continuation and implicit continuation inside brackets (line breaks
 * there are {@link Token.Kind#NL}, only a break at bracket depth 0 after some token ends a logical line).
 * An f-string (or t-string) is one {@link Token.Kind#STRING} token: replacement fields are scanned with
 * their own bracket depth, so the nested quotes Python 3.12 allows inside {@code {}} do not end it.
 *
 * <p>
 * Not produced: INDENT/DEDENT (no rule needs block structure), ENCODING. Bad input never throws: an
 * unterminated string becomes one {@link Token.Kind#ERRORTOKEN} up to the end of its line (of the input
 * for triple quotes), a character that starts no token becomes a one-character ERRORTOKEN, and the
 * tokenizer carries on. Line and column are 1-based; {@code \r\n}, {@code \r} and {@code \n} all end a
 * line.
 */
public final class PythonTokenizer {

    /** Nested f-strings deeper than this are treated as unterminated rather than risking the stack. */
    private static final int MAX_FSTRING_NESTING = 32;

    /**
     * Python's keywords and a few names every module uses, as the string constants the readers compare token texts
     * with ({@code code.isName(i, "def")}): a NAME token with one of these texts gets the constant itself.
     */
    private static final String[] COMMON_NAMES = { "False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case", "self", "print", "len", "range" };

    private final char[] src;
    private final int n;
    private final boolean ipython;
    private Token[] tokens;
    private int count;
    /**
     * The texts of the file's NAME and NUMBER tokens, each made once (an open-addressing table over the source's
     * chars, sized to a power of two): a module repeats the same few hundred names thousands of times.
     */
    private String[] texts;
    /** Per slot of {@link #texts}: its text's hash, and where it first stood in the source (-1: a constant). */
    private int[] textHashes;
    private int[] textStarts;
    private int textCount;
    private final List<int[]> magicRanges = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;
    private boolean lineHasTokens;

    private PythonTokenizer(String source, boolean ipython) {
        this.src = source.toCharArray();
        this.n = src.length;
        this.ipython = ipython;
        // about one token per four chars in ordinary code: the array rarely grows (growing it was a tenth of the
        // time spent parsing a large repository)
        this.tokens = new Token[16 + n / 4];
        int slots = Math.max(64, Integer.highestOneBit(16 + n / 16) * 2);
        this.texts = new String[slots];
        this.textHashes = new int[slots];
        this.textStarts = new int[slots];
        for (String name : COMMON_NAMES) {
            textAt(slot(name.hashCode()), name, name.hashCode(), -1);
        }
    }

    /**
     * Tokenizes Python source.
     *
     * @param source the source text; {@code null} is treated as empty
     * @return the tokens, always ending with one {@link Token.Kind#END} token
     * @throws TooManyTokensException past {@link InputLimits#MAX_PYTHON_TOKENS} tokens
     */
    public static List<Token> tokenize(String source) {
        return Arrays.asList(tokenArray(source));
    }

    /**
     * {@link #tokenize} as an array. Tokens of the same text share one {@code String}: every operator, delimiter and
     * line break is a constant, and the NAME and NUMBER tokens of one source share one string per text (keywords
     * share the string constants of the same text).
     */
    static Token[] tokenArray(String source) {
        PythonTokenizer tokenizer = new PythonTokenizer(source == null ? "" : source, false);
        tokenizer.run();
        return Arrays.copyOf(tokenizer.tokens, tokenizer.count);
    }

    /**
     * The char ranges {@code [start, end)} of IPython magic and shell lines ({@code %cmd}, {@code %%cmd},
     * {@code !cmd}, {@code ?obj}, {@code x = !cmd}) that stand where a logical line starts, with their
     * backslash continuations. Found while tokenizing, so a {@code %} inside a string or inside brackets is
     * never taken for a magic.
     */
    static List<int[]> ipythonMagicRanges(String source) {
        PythonTokenizer tokenizer = new PythonTokenizer(source, true);
        tokenizer.run();
        return tokenizer.magicRanges;
    }

    private void run() {
        if (n > 0 && src[0] == '\uFEFF') {
            pos = 1;
            lineStart = 1;
        }
        while (pos < n) {
            char c = src[pos];
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
                continue;
            }
            int newline = newlineLength(pos);
            if (newline > 0) {
                lineBreak(newline);
            } else if (ipython && isMagicStart(c)) {
                skipMagic();
            } else if (c == '#') {
                comment();
            } else if (c == '\\') {
                backslash();
            } else if (c == '\'' || c == '"') {
                string(pos);
            } else if (c < 128 ? isAsciiLetter(c) || c == '_' : isIdentifierStart(Character.codePointAt(src, pos))) {
                nameOrPrefixedString();
            } else if (isDigit(c) || (c == '.' && pos + 1 < n && isDigit(src[pos + 1]))) {
                number();
            } else {
                operatorOrError();
            }
        }
        int column = pos - lineStart + 1;
        if (lineHasTokens) {
            append(new Token(Token.Kind.NEWLINE, "", line, column, line));
        }
        append(new Token(Token.Kind.END, "", line, column, line));
    }

    private void lineBreak(int length) {
        boolean logicalEnd = depth == 0 && lineHasTokens;
        int start = pos;
        int column = pos - lineStart + 1;
        int startLine = line;
        consumeNewline(length);
        String text = length == 2 ? "\r\n" : src[start] == '\n' ? "\n" : "\r";
        add(new Token(logicalEnd ? Token.Kind.NEWLINE : Token.Kind.NL, text, startLine, column, startLine));
        if (logicalEnd) {
            lineHasTokens = false;
        }
    }

    private void comment() {
        int start = pos;
        while (pos < n && src[pos] != '\n' && src[pos] != '\r') {
            pos++;
        }
        emit(Token.Kind.COMMENT, start, line, start - lineStart + 1);
    }

    private void backslash() {
        int newline = pos + 1 < n ? newlineLength(pos + 1) : 0;
        if (newline > 0) {
            pos++;
            consumeNewline(newline);
        } else {
            int start = pos++;
            emit(Token.Kind.ERRORTOKEN, start, line, start - lineStart + 1);
        }
    }

    private void nameOrPrefixedString() {
        int start = pos;
        while (pos < n) {
            char c = src[pos];
            if (c < 128) {
                if (!isAsciiLetterOrDigit(c) && c != '_') {
                    break;
                }
                pos++;
                continue;
            }
            int cp = Character.codePointAt(src, pos);
            if (!isIdentifierPart(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        if (pos < n && (src[pos] == '\'' || src[pos] == '"') && isStringPrefix(start, pos)) {
            pos = start;
            string(start);
        } else {
            emitShared(Token.Kind.NAME, start);
        }
    }

    /** A string literal whose prefix (possibly empty) starts at {@code start}. */
    private void string(int start) {
        int startLine = line;
        int column = start - lineStart + 1;
        boolean raw = false;
        boolean formatted = false;
        while (src[pos] != '\'' && src[pos] != '"') {
            char p = Character.toLowerCase(src[pos++]);
            raw |= p == 'r';
            formatted |= p == 'f' || p == 't';
        }
        boolean terminated = scanString(raw, formatted, 0);
        emit(terminated ? Token.Kind.STRING : Token.Kind.ERRORTOKEN, start, startLine, column);
    }

    /**
     * Scans a string body from its opening quote at {@code pos}. Leaves {@code pos} after the closing
     * quote, or where the string broke off (at the line break of a single-quoted string, or at the end).
     *
     * @return whether the string was closed
     */
    private boolean scanString(boolean raw, boolean formatted, int nesting) {
        char quote = src[pos];
        boolean triple = isTripleQuote(pos, quote);
        pos += triple ? 3 : 1;
        while (pos < n) {
            char c = src[pos];
            if (c == quote && (!triple || isTripleQuote(pos, quote))) {
                pos += triple ? 3 : 1;
                return true;
            }
            if (newlineLength(pos) > 0) {
                if (!consumeLineBreakInString(triple)) {
                    return false;
                }
            } else if (c == '\\') {
                skipEscape(formatted);
            } else if (formatted && c == '{') {
                if (pos + 1 < n && src[pos + 1] == '{') {
                    pos += 2;
                } else if (!scanReplacementField(quote, triple, nesting)) {
                    return false;
                }
            } else {
                pos++;
            }
        }
        return false;
    }

    /**
     * A backslash protects the next character in every string, raw ones included (raw only changes how
     * the escape is decoded); a backslash-newline continues a single-quoted string. In an f-string a brace
     * after a backslash still opens or closes a field.
     */
    private void skipEscape(boolean formatted) {
        pos++;
        if (pos >= n) {
            return;
        }
        int newline = newlineLength(pos);
        if (newline > 0) {
            consumeNewline(newline);
        } else if (!(formatted && (src[pos] == '{' || src[pos] == '}'))) {
            pos++;
        }
    }

    /** An f-string replacement field from its {@code {} at {@code pos}; leaves pos after its {@code }}. */
    private boolean scanReplacementField(char quote, boolean triple, int nesting) {
        if (nesting >= MAX_FSTRING_NESTING) {
            return false;
        }
        pos++;
        int brackets = 0;
        while (pos < n) {
            char c = src[pos];
            if (newlineLength(pos) > 0) {
                if (!consumeLineBreakInString(triple)) {
                    return false;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                int prefixStart = pos;
                while (prefixStart > 0 && Character.isLetter(src[prefixStart - 1])) {
                    prefixStart--;
                }
                boolean prefixed = isStringPrefix(prefixStart, pos);
                String prefix = prefixed ? new String(src, prefixStart, pos - prefixStart).toLowerCase() : "";
                boolean raw = prefix.indexOf('r') >= 0;
                boolean formatted = prefix.indexOf('f') >= 0 || prefix.indexOf('t') >= 0;
                if (!scanString(raw, formatted, nesting + 1)) {
                    return false;
                }
                continue;
            }
            switch (c) {
                case '(', '[', '{' -> brackets++;
                case ')', ']' -> brackets = Math.max(0, brackets - 1);
                case '}' -> {
                    if (brackets == 0) {
                        pos++;
                        return true;
                    }
                    brackets--;
                }
                case ':' -> {
                    if (brackets == 0) {
                        pos++;
                        return scanFormatSpec(quote, triple, nesting);
                    }
                }
                default -> {
                }
            }
            pos++;
        }
        return false;
    }

    /** The format spec after {@code :} in a replacement field: literal text with nested fields. */
    private boolean scanFormatSpec(char quote, boolean triple, int nesting) {
        while (pos < n) {
            char c = src[pos];
            if (newlineLength(pos) > 0) {
                if (!consumeLineBreakInString(triple)) {
                    return false;
                }
            } else if (c == quote && (!triple || isTripleQuote(pos, quote))) {
                // A field left open: let the enclosing string end here, as the closing quote is the likelier intent.
                return true;
            } else if (c == '{') {
                if (!scanReplacementField(quote, triple, nesting + 1)) {
                    return false;
                }
            } else if (c == '}') {
                pos++;
                return true;
            } else if (c == '\\') {
                skipEscape(true);
            } else {
                pos++;
            }
        }
        return false;
    }

    private void number() {
        int start = pos;
        boolean hex = src[pos] == '0' && pos + 1 < n && (src[pos + 1] | 0x20) == 'x';
        pos++;
        while (pos < n) {
            char c = src[pos];
            boolean exponentSign = (c == '+' || c == '-') && !hex && (src[pos - 1] | 0x20) == 'e';
            if (isAsciiLetterOrDigit(c) || c == '_' || c == '.' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        emitShared(Token.Kind.NUMBER, start);
    }

    private void operatorOrError() {
        int start = pos;
        int length = operatorLength(pos);
        if (length == 0) {
            pos += Character.charCount(Character.codePointAt(src, pos));
            emit(Token.Kind.ERRORTOKEN, start, line, start - lineStart + 1);
            return;
        }
        pos += length;
        add(new Token(Token.Kind.OP, operator(start, length), line, start - lineStart + 1, line));
        lineHasTokens = true;
        if (length == 1) {
            switch (src[start]) {
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                default -> {
                }
            }
        }
    }

    private int operatorLength(int p) {
        char c = src[p];
        char c1 = p + 1 < n ? src[p + 1] : 0;
        char c2 = p + 2 < n ? src[p + 2] : 0;
        if (c == '.') {
            return c1 == '.' && c2 == '.' ? 3 : 1;
        }
        if ((c == '*' || c == '/' || c == '<' || c == '>') && c1 == c) {
            return c2 == '=' ? 3 : 2;
        }
        if ((c1 == '=' && takesEquals(c)) || (c == '-' && c1 == '>')) {
            return 2;
        }
        return switch (c) {
            case '(', ')', '[', ']', '{', '}', ':', ',', ';', '+', '-', '*', '/', '%', '&', '|', '^', '~', '<', '>',
                    '=',
                    '@', '!' ->
                1;
            default -> 0;
        };
    }

    /** The characters that make a two-character operator with a following {@code =}: {@code +=}, {@code ==}... */
    private static boolean takesEquals(char c) {
        return switch (c) {
            case '+', '-', '*', '/', '%', '&', '|', '^', '@', '<', '>', '=', '!', ':' -> true;
            default -> false;
        };
    }

    /** The text of the operator of this length at {@code start}, one string constant per operator. */
    private String operator(int start, int length) {
        char c = src[start];
        if (length == 1) {
            return switch (c) {
                case '(' -> "(";
                case ')' -> ")";
                case '[' -> "[";
                case ']' -> "]";
                case '{' -> "{";
                case '}' -> "}";
                case ':' -> ":";
                case ',' -> ",";
                case ';' -> ";";
                case '+' -> "+";
                case '-' -> "-";
                case '*' -> "*";
                case '/' -> "/";
                case '%' -> "%";
                case '&' -> "&";
                case '|' -> "|";
                case '^' -> "^";
                case '~' -> "~";
                case '<' -> "<";
                case '>' -> ">";
                case '=' -> "=";
                case '@' -> "@";
                case '!' -> "!";
                case '.' -> ".";
                default -> new String(src, start, 1);
            };
        }
        char c1 = src[start + 1];
        if (length == 2) {
            if (c1 == '=') {
                return switch (c) {
                    case '+' -> "+=";
                    case '-' -> "-=";
                    case '*' -> "*=";
                    case '/' -> "/=";
                    case '%' -> "%=";
                    case '&' -> "&=";
                    case '|' -> "|=";
                    case '^' -> "^=";
                    case '@' -> "@=";
                    case '<' -> "<=";
                    case '>' -> ">=";
                    case '=' -> "==";
                    case '!' -> "!=";
                    case ':' -> ":=";
                    default -> new String(src, start, 2);
                };
            }
            return switch (c) {
                case '*' -> "**";
                case '/' -> "//";
                case '<' -> "<<";
                case '>' -> c1 == '>' ? ">>" : new String(src, start, 2);
                case '-' -> "->";
                default -> new String(src, start, 2);
            };
        }
        return switch (c) {
            case '.' -> "...";
            case '*' -> "**=";
            case '/' -> "//=";
            case '<' -> "<<=";
            case '>' -> ">>=";
            default -> new String(src, start, length);
        };
    }

    /** A magic at a logical line start, or a shell/line magic assigned with {@code x = !cmd}. */
    private boolean isMagicStart(char c) {
        if (depth != 0) {
            return false;
        }
        if (!lineHasTokens) {
            return c == '%' || c == '!' || c == '?';
        }
        Token last = tokens[count - 1];
        boolean magicFollows = c == '!' || (c == '%' && pos + 1 < n && Character.isLetter(src[pos + 1]));
        return magicFollows && last.isOp("=") && last.line() == line;
    }

    private void skipMagic() {
        int start = pos;
        while (pos < n) {
            int newline = newlineLength(pos);
            if (newline == 0) {
                pos++;
            } else if (src[pos - 1] == '\\') {
                consumeNewline(newline);
            } else {
                break;
            }
        }
        magicRanges.add(new int[] { start, pos });
    }

    /** Adds a token, within {@link InputLimits#MAX_PYTHON_TOKENS}: past it the whole source is refused. */
    private void add(Token token) {
        if (count >= InputLimits.MAX_PYTHON_TOKENS) {
            throw new TooManyTokensException();
        }
        append(token);
    }

    private void append(Token token) {
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, count + (count >> 1) + 16);
        }
        tokens[count++] = token;
    }

    private void emit(Token.Kind kind, int start, int startLine, int column) {
        add(new Token(kind, new String(src, start, pos - start), startLine, column, line));
        if (kind != Token.Kind.COMMENT) {
            lineHasTokens = true;
        }
    }

    /** A NAME or NUMBER token of one line from {@code start} to {@code pos}, its text shared (see {@link #texts}). */
    private void emitShared(Token.Kind kind, int start) {
        int length = pos - start;
        int hash = 0;
        for (int i = start; i < pos; i++) {
            hash = 31 * hash + src[i];
        }
        int mask = texts.length - 1;
        int slot = mix(hash) & mask;
        String text;
        while (true) {
            text = texts[slot];
            if (text == null) {
                text = new String(src, start, length);
                textAt(slot, text, hash, start);
                break;
            }
            if (textHashes[slot] == hash && text.length() == length && sameChars(slot, text, start)) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        add(new Token(kind, text, line, start - lineStart + 1, line));
        lineHasTokens = true;
    }

    /** Whether the text at this slot is the source's chars from {@code start}, for the text's length. */
    private boolean sameChars(int slot, String text, int start) {
        int first = textStarts[slot];
        if (first < 0) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) != src[start + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (src[first + i] != src[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** The free slot of the table where a text of this hash (its {@link String#hashCode}) not in it goes. */
    private int slot(int hash) {
        int mask = texts.length - 1;
        int slot = mix(hash) & mask;
        while (texts[slot] != null) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Puts a text at a free slot, growing the table past half full. */
    private void textAt(int slot, String text, int hash, int start) {
        texts[slot] = text;
        textHashes[slot] = hash;
        textStarts[slot] = start;
        if (++textCount * 2 > texts.length) {
            String[] oldTexts = texts;
            int[] oldHashes = textHashes;
            int[] oldStarts = textStarts;
            texts = new String[oldTexts.length * 2];
            textHashes = new int[texts.length];
            textStarts = new int[texts.length];
            for (int i = 0; i < oldTexts.length; i++) {
                if (oldTexts[i] != null) {
                    int to = slot(oldHashes[i]);
                    texts[to] = oldTexts[i];
                    textHashes[to] = oldHashes[i];
                    textStarts[to] = oldStarts[i];
                }
            }
        }
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * At a line break inside a string: a triple-quoted string goes on over it, a single-quoted one breaks
     * off there (the break is left for the main loop).
     *
     * @return whether the string goes on
     */
    private boolean consumeLineBreakInString(boolean triple) {
        if (triple) {
            consumeNewline(newlineLength(pos));
        }
        return triple;
    }

    private void consumeNewline(int length) {
        pos += length;
        line++;
        lineStart = pos;
    }

    private int newlineLength(int p) {
        char c = src[p];
        if (c == '\n') {
            return 1;
        }
        if (c == '\r') {
            return p + 1 < n && src[p + 1] == '\n' ? 2 : 1;
        }
        return 0;
    }

    private boolean isTripleQuote(int p, char quote) {
        return p + 2 < n && src[p] == quote && src[p + 1] == quote && src[p + 2] == quote;
    }

    /** Whether chars {@code [start, end)} are a valid string prefix: r, u, b, f, t, or br/rb/fr/rf/tr/rt. */
    private boolean isStringPrefix(int start, int end) {
        int length = end - start;
        if (length == 0) {
            return true;
        }
        if (length > 2) {
            return false;
        }
        char a = Character.toLowerCase(src[start]);
        if (length == 1) {
            return a == 'r' || a == 'u' || a == 'b' || a == 'f' || a == 't';
        }
        char b = Character.toLowerCase(src[start + 1]);
        return (a == 'r' && (b == 'b' || b == 'f' || b == 't')) || (b == 'r' && (a == 'b' || a == 'f' || a == 't'));
    }

    private static boolean isIdentifierStart(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
        }
        return Character.isUnicodeIdentifierStart(cp);
    }

    private static boolean isIdentifierPart(int cp) {
        if (cp < 128) {
            return isAsciiLetterOrDigit((char) cp) || cp == '_';
        }
        return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || isDigit(c);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
