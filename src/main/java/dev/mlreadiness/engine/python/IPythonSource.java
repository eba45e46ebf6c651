package dev.mlreadiness.engine.python;

import java.util.Set;

/**
 * Turns IPython cell source (notebook code cells) into plain Python with the same line numbering, so
 * {@link PythonModule} can read it and report lines that map back to the cell.
 *
 * <p>
 * Magics and shell escapes are replaced by spaces, line breaks kept: line magics ({@code %matplotlib
 * inline}), shell lines ({@code !pip install x}), help lines ({@code ?obj}), assigned shell or line magics
 * ({@code files = !ls}, {@code t = %timeit -o f()}), with their backslash continuations. A cell magic on
 * the first line ({@code %%bash}) blanks the whole cell, unless its body is Python ({@code %%time},
 * {@code %%timeit}, {@code %%capture}, ...), where only the magic line is blanked. Magics are recognised
 * only where a statement starts, never inside strings or brackets. A trailing {@code obj?} help suffix is
 * left as it is: the tokenizer makes it a harmless error token.
 */
public final class IPythonSource {

    private static final Set<String> CELL_MAGICS_WITH_PYTHON_BODY = Set.of("time", "timeit", "capture", "prun", "debug",
            "memit", "pypy", "python", "python3");

    private IPythonSource() {
    }

    /**
     * The cell source with IPython-only lines blanked.
     *
     * @param cellSource the source of one code cell; {@code null} is treated as empty
     * @return text of the same length and the same line breaks, readable as Python
     */
    public static String blankMagics(String cellSource) {
        if (cellSource == null) {
            return "";
        }
        char[] chars = cellSource.toCharArray();
        int first = 0;
        while (first < chars.length && Character.isWhitespace(chars[first])) {
            first++;
        }
        if (cellSource.startsWith("%%", first)) {
            int nameEnd = first + 2;
            while (nameEnd < chars.length && Character.isJavaIdentifierPart(chars[nameEnd])) {
                nameEnd++;
            }
            String magic = cellSource.substring(first + 2, nameEnd);
            int lineEnd = nameEnd;
            while (lineEnd < chars.length && chars[lineEnd] != '\n' && chars[lineEnd] != '\r') {
                lineEnd++;
            }
            blank(chars, first, CELL_MAGICS_WITH_PYTHON_BODY.contains(magic) ? lineEnd : chars.length);
        }
        for (int[] range : PythonTokenizer.ipythonMagicRanges(new String(chars))) {
            blank(chars, range[0], range[1]);
        }
        return new String(chars);
    }

    private static void blank(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
    }
}
