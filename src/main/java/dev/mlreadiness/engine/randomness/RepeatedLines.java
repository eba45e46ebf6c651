package dev.mlreadiness.engine.randomness;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

import dev.mlreadiness.engine.python.Token;

/**
 * Which lines of a Python file may run more than once, read from its tokens and indentation (there is no parse
 * tree): a seed added there would make every run of the line draw the same numbers. A line is <em>in a loop</em>
 * when it is in the body of a {@code for}/{@code while} or its logical line holds {@code for} or {@code while}
 * anywhere (a comprehension, a generator expression, a one-line loop, a loop header); it is <em>in a function</em>
 * when it is in the body of a {@code def} or its logical line holds {@code def} or {@code lambda}. Both err on
 * the side of "repeated": they only ever take a suggestion away.
 */
public final class RepeatedLines {

    private final BitSet inLoop = new BitSet();
    private final BitSet inFunction = new BitSet();

    private RepeatedLines(List<Token> tokens) {
        Deque<int[]> blocks = new ArrayDeque<>(); // {indent column, 1 loop / 2 function / 0 other}
        int start = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean ends = t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.END;
            if (start < 0 && !ends && t.kind() != Token.Kind.NL && t.kind() != Token.Kind.COMMENT) {
                start = i;
            }
            if (ends && start >= 0) {
                logicalLine(tokens, start, i, blocks);
                start = -1;
            }
        }
    }

    /** Reads the file's tokens ({@link dev.mlreadiness.engine.python.PythonModule#tokens()}). */
    public static RepeatedLines of(List<Token> tokens) {
        return new RepeatedLines(tokens);
    }

    /** Whether the line may run more than once in one run of its function or file. */
    public boolean inLoop(int line) {
        return inLoop.get(line);
    }

    /** Whether the line runs once per call of a function. */
    public boolean inFunction(int line) {
        return inFunction.get(line);
    }

    private void logicalLine(List<Token> tokens, int from, int to, Deque<int[]> blocks) {
        Token first = tokens.get(from);
        int indent = first.column();
        while (!blocks.isEmpty() && blocks.peek()[0] >= indent) {
            blocks.pop();
        }
        boolean loop = blocks.stream().anyMatch(b -> b[1] == 1);
        boolean function = blocks.stream().anyMatch(b -> b[1] == 2);
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            loop |= t.isName("for") || t.isName("while");
            function |= t.isName("def") || t.isName("lambda");
        }
        int lastLine = tokens.get(to - 1).endLine();
        for (int line = first.line(); line <= lastLine; line++) {
            inLoop.set(line, loop);
            inFunction.set(line, function);
        }
        Token head = first.isName("async") && from + 1 < to ? tokens.get(from + 1) : first;
        int kind = head.isName("for") || head.isName("while") ? 1 : head.isName("def") ? 2 : 0;
        if (kind != 0) {
            blocks.push(new int[] { indent, kind });
        }
    }
}
