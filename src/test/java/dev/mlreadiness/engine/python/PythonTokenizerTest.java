package dev.mlreadiness.engine.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mlreadiness.engine.python.Token.Kind;

class PythonTokenizerTest {

    private static List<Token> tokens(String source) {
        return PythonTokenizer.tokenize(source);
    }

    private static List<Token> significant(String source) {
        return tokens(source).stream()
                .filter(t -> t.kind() != Kind.NEWLINE && t.kind() != Kind.NL && t.kind() != Kind.END)
                .toList();
    }

    @Test
    void simpleStatementHasNamesOpsNumberNewlineAndEnd() {
        assertThat(tokens("x = f(1)\n"))
                .extracting(Token::kind, Token::text, Token::line, Token::column)
                .containsExactly(
                        tuple(Kind.NAME, "x", 1, 1),
                        tuple(Kind.OP, "=", 1, 3),
                        tuple(Kind.NAME, "f", 1, 5),
                        tuple(Kind.OP, "(", 1, 6),
                        tuple(Kind.NUMBER, "1", 1, 7),
                        tuple(Kind.OP, ")", 1, 8),
                        tuple(Kind.NEWLINE, "\n", 1, 9),
                        tuple(Kind.END, "", 2, 1));
    }

    @Test
    void emptyInputIsOnlyEnd() {
        assertThat(tokens("")).extracting(Token::kind).containsExactly(Kind.END);
        assertThat(tokens(null)).extracting(Token::kind).containsExactly(Kind.END);
    }

    @Test
    void lastLineWithoutLineBreakStillEndsWithNewline() {
        assertThat(tokens("a")).extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.NAME, "a"), tuple(Kind.NEWLINE, ""), tuple(Kind.END, ""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "r", "u", "R", "U", "b", "B", "br", "Br", "bR", "BR", "rb", "rB", "Rb", "RB",
            "f", "F", "fr", "Fr", "fR", "FR", "rf", "rF", "Rf", "RF", "t", "T", "tr", "rt", "Rt" })
    void everyStringPrefixWithEveryQuoteKindIsOneString(String prefix) {
        for (String quote : List.of("'", "\"", "'''", "\"\"\"")) {
            String literal = prefix + quote + "abc" + quote;
            List<Token> tokens = significant("x = " + literal + "\n");
            assertThat(tokens).extracting(Token::kind, Token::text)
                    .containsExactly(tuple(Kind.NAME, "x"), tuple(Kind.OP, "="), tuple(Kind.STRING, literal));
            assertThat(tokens.get(2).stringValue()).isEqualTo("abc");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ub", "bu", "rr", "ff", "x", "fu", "bf" })
    void invalidPrefixIsANameFollowedByAString(String prefix) {
        assertThat(significant(prefix + "'abc'")).extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.NAME, prefix), tuple(Kind.STRING, "'abc'"));
    }

    @Test
    void emptyStringsHaveEmptyValues() {
        assertThat(significant("'' \"\" '''''' r\"\""))
                .extracting(Token::kind, Token::stringValue)
                .containsExactly(tuple(Kind.STRING, ""), tuple(Kind.STRING, ""), tuple(Kind.STRING, ""),
                        tuple(Kind.STRING, ""));
    }

    @Test
    void escapedQuotesAndBackslashesDoNotEndTheString() {
        assertThat(significant("'it\\'s' \"a\\\"b\" 'c\\\\' d"))
                .extracting(Token::kind, Token::stringValue)
                .containsExactly(tuple(Kind.STRING, "it\\'s"), tuple(Kind.STRING, "a\\\"b"),
                        tuple(Kind.STRING, "c\\\\"), tuple(Kind.NAME, null));
    }

    @Test
    void rawStringKeepsEscapedQuoteInside() {
        assertThat(significant("r'\\'' + r\"C:\\\\dir\\\\\" + x"))
                .extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.STRING, "r'\\''"), tuple(Kind.OP, "+"),
                        tuple(Kind.STRING, "r\"C:\\\\dir\\\\\""), tuple(Kind.OP, "+"), tuple(Kind.NAME, "x"));
    }

    @Test
    void tripleQuotedStringSpansLinesAndKeepsQuotesOfTheOtherKind() {
        String source = "doc = \"\"\"first 'line'\nsecond \"quoted\" line\n\"\"\"\ny = 1\n";
        List<Token> tokens = significant(source);
        assertThat(tokens).extracting(Token::kind, Token::line, Token::endLine)
                .containsExactly(tuple(Kind.NAME, 1, 1), tuple(Kind.OP, 1, 1), tuple(Kind.STRING, 1, 3),
                        tuple(Kind.NAME, 4, 4), tuple(Kind.OP, 4, 4), tuple(Kind.NUMBER, 4, 4));
        assertThat(tokens.get(2).stringValue()).isEqualTo("first 'line'\nsecond \"quoted\" line\n");
        assertThat(tokens.get(2).endColumn()).isEqualTo(4);
    }

    @Test
    void tripleQuoteEndsAtFirstThreeQuotesEvenAfterSingleOnes() {
        assertThat(significant("'''a'b''c''''"))
                .extracting(Token::kind, Token::stringValue)
                .containsExactly(tuple(Kind.STRING, "a'b''c"), tuple(Kind.ERRORTOKEN, null));
    }

    @Test
    void fStringWithNestedQuotesAndBracesIsOneToken() {
        String literal = "f\"{d[\"key\"]} and {x:{width}.{prec}f} {'{'} {{literal}} {f'{y!r}'}\"";
        assertThat(significant("s = " + literal + " # tail")).extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.NAME, "s"), tuple(Kind.OP, "="), tuple(Kind.STRING, literal),
                        tuple(Kind.COMMENT, "# tail"));
    }

    @Test
    void fStringWithDictLiteralAndSameQuotesInsideField() {
        String literal = "f'{ {\"a\": 1}[\"a\"] } {\", \".join([\"x\", \"y\"])} {\"}\"}'";
        assertThat(significant(literal + ".upper()")).extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.STRING, literal), tuple(Kind.OP, "."), tuple(Kind.NAME, "upper"),
                        tuple(Kind.OP, "("), tuple(Kind.OP, ")"));
    }

    @Test
    void tripleQuotedFStringSpansLines() {
        List<Token> tokens = significant("f'''a {\nx\n} b'''\nz");
        assertThat(tokens).extracting(Token::kind, Token::line, Token::endLine)
                .containsExactly(tuple(Kind.STRING, 1, 3), tuple(Kind.NAME, 4, 4));
    }

    @Test
    void commentContainingQuotesIsOneCommentAndDoesNotOpenAString() {
        assertThat(tokens("x = 1  # don't \"stop\"\ny = 2\n"))
                .extracting(Token::kind, Token::text, Token::line)
                .containsExactly(
                        tuple(Kind.NAME, "x", 1), tuple(Kind.OP, "=", 1), tuple(Kind.NUMBER, "1", 1),
                        tuple(Kind.COMMENT, "# don't \"stop\"", 1), tuple(Kind.NEWLINE, "\n", 1),
                        tuple(Kind.NAME, "y", 2), tuple(Kind.OP, "=", 2), tuple(Kind.NUMBER, "2", 2),
                        tuple(Kind.NEWLINE, "\n", 2), tuple(Kind.END, "", 3));
    }

    @Test
    void hashInsideStringIsNotAComment() {
        assertThat(significant("url = 'http://x/#anchor'  # real"))
                .extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.NAME, "url"), tuple(Kind.OP, "="),
                        tuple(Kind.STRING, "'http://x/#anchor'"), tuple(Kind.COMMENT, "# real"));
    }

    @Test
    void commentOnlyAndBlankLinesAreNonLogicalNewlines() {
        assertThat(tokens("# c\n\nx\n")).extracting(Token::kind)
                .containsExactly(Kind.COMMENT, Kind.NL, Kind.NL, Kind.NAME, Kind.NEWLINE, Kind.END);
    }

    @Test
    void explicitLineContinuationJoinsLinesWithCorrectLineNumbers() {
        List<Token> tokens = tokens("total = a + \\\n    b\nnext\n");
        assertThat(tokens).extracting(Token::kind, Token::text, Token::line, Token::column)
                .containsExactly(
                        tuple(Kind.NAME, "total", 1, 1), tuple(Kind.OP, "=", 1, 7), tuple(Kind.NAME, "a", 1, 9),
                        tuple(Kind.OP, "+", 1, 11), tuple(Kind.NAME, "b", 2, 5), tuple(Kind.NEWLINE, "\n", 2, 6),
                        tuple(Kind.NAME, "next", 3, 1), tuple(Kind.NEWLINE, "\n", 3, 5), tuple(Kind.END, "", 4, 1));
    }

    @Test
    void lineBreaksInsideBracketsAreNonLogical() {
        List<Token> tokens = tokens("f(a,\n  [b,\n   {c}])\nd\n");
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.NL || t.kind() == Kind.NEWLINE)
                .extracting(Token::kind, Token::line)
                .containsExactly(tuple(Kind.NL, 1), tuple(Kind.NL, 2), tuple(Kind.NEWLINE, 3), tuple(Kind.NEWLINE, 4));
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.NAME)
                .extracting(Token::text, Token::line, Token::column)
                .containsExactly(tuple("f", 1, 1), tuple("a", 1, 3), tuple("b", 2, 4), tuple("c", 3, 5),
                        tuple("d", 4, 1));
    }

    @Test
    void crlfLineEndingsCountOnceAndStayInNewlineText() {
        List<Token> tokens = tokens("a = '''x\r\ny'''\r\nb\r\n");
        assertThat(tokens).extracting(Token::kind, Token::text, Token::line, Token::endLine)
                .containsExactly(
                        tuple(Kind.NAME, "a", 1, 1), tuple(Kind.OP, "=", 1, 1),
                        tuple(Kind.STRING, "'''x\r\ny'''", 1, 2), tuple(Kind.NEWLINE, "\r\n", 2, 2),
                        tuple(Kind.NAME, "b", 3, 3), tuple(Kind.NEWLINE, "\r\n", 3, 3), tuple(Kind.END, "", 4, 4));
    }

    @Test
    void unterminatedSingleQuotedStringIsAnErrorUpToTheLineEndAndTokenizingGoesOn() {
        List<Token> tokens = tokens("x = 'open(\ny = f(1)\n");
        assertThat(tokens).extracting(Token::kind, Token::text, Token::line)
                .containsExactly(
                        tuple(Kind.NAME, "x", 1), tuple(Kind.OP, "=", 1), tuple(Kind.ERRORTOKEN, "'open(", 1),
                        tuple(Kind.NEWLINE, "\n", 1), tuple(Kind.NAME, "y", 2), tuple(Kind.OP, "=", 2),
                        tuple(Kind.NAME, "f", 2), tuple(Kind.OP, "(", 2), tuple(Kind.NUMBER, "1", 2),
                        tuple(Kind.OP, ")", 2), tuple(Kind.NEWLINE, "\n", 2), tuple(Kind.END, "", 3));
    }

    @Test
    void unterminatedTripleQuotedStringRunsToTheEnd() {
        assertThat(significant("a\n'''never\nclosed(x)\n"))
                .extracting(Token::kind, Token::line, Token::endLine)
                .containsExactly(tuple(Kind.NAME, 1, 1), tuple(Kind.ERRORTOKEN, 2, 4));
    }

    @Test
    void unterminatedFStringFieldIsAnError() {
        assertThat(significant("f'{x'\ny")).extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.ERRORTOKEN, "f'{x'"), tuple(Kind.NAME, "y"));
    }

    @Test
    void strayCharactersAreErrorTokensAndTokenizingGoesOn() {
        assertThat(significant("a $ b ? `c` \\ d"))
                .extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.NAME, "a"), tuple(Kind.ERRORTOKEN, "$"), tuple(Kind.NAME, "b"),
                        tuple(Kind.ERRORTOKEN, "?"), tuple(Kind.ERRORTOKEN, "`"), tuple(Kind.NAME, "c"),
                        tuple(Kind.ERRORTOKEN, "`"), tuple(Kind.ERRORTOKEN, "\\"), tuple(Kind.NAME, "d"));
    }

    @Test
    void numbersInAllNotations() {
        assertThat(significant("1 1_000 0x1F 0o17 0b101 3.14 .5 1e-3 2E+10 1j 0xE+1"))
                .extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.NUMBER, "1"), tuple(Kind.NUMBER, "1_000"), tuple(Kind.NUMBER, "0x1F"),
                        tuple(Kind.NUMBER, "0o17"), tuple(Kind.NUMBER, "0b101"), tuple(Kind.NUMBER, "3.14"),
                        tuple(Kind.NUMBER, ".5"), tuple(Kind.NUMBER, "1e-3"), tuple(Kind.NUMBER, "2E+10"),
                        tuple(Kind.NUMBER, "1j"), tuple(Kind.NUMBER, "0xE"), tuple(Kind.OP, "+"),
                        tuple(Kind.NUMBER, "1"));
    }

    @Test
    void operatorsTakeTheLongestMatch() {
        assertThat(significant("a **= b // c -> d := e ... != f.g >>= h @ i"))
                .filteredOn(t -> t.kind() == Kind.OP).extracting(Token::text)
                .containsExactly("**=", "//", "->", ":=", "...", "!=", ".", ">>=", "@");
    }

    @Test
    void unicodeIdentifiersAreNames() {
        assertThat(significant("données = ß_1")).extracting(Token::kind, Token::text)
                .containsExactly(tuple(Kind.NAME, "données"), tuple(Kind.OP, "="), tuple(Kind.NAME, "ß_1"));
    }

    @Test
    void stringValueIsNullForOtherKinds() {
        assertThat(significant("name").get(0).stringValue()).isNull();
    }

    @Test
    void randomFragmentsNeverThrowAndEveryTokenIsTheSourceTextAtItsPosition() {
        String[] fragments = { "'", "\"", "'''", "\"\"\"", "f'", "rb\"", "{", "}", "(", ")", "[", "]", "\\", "\n",
                "\r\n", "\r", "#", " ", "x", "1e", "+", "-", ".", "=", ":", "!", "%", "$", "é", "\t" };
        Random random = new Random(20240611L);
        for (int round = 0; round < 2_000; round++) {
            String text = randomSource(random, fragments, 40);
            List<Token> tokens = tokens(text);
            assertThat(tokens.get(tokens.size() - 1).kind()).as(text).isEqualTo(Kind.END);
            assertTextsAtPositions(text, tokens);
            assertThat(PythonModule.parse(text).tokens()).isEqualTo(tokens);
        }
    }

    private static String randomSource(Random random, String[] fragments, int maxFragments) {
        StringBuilder source = new StringBuilder();
        for (int i = random.nextInt(maxFragments); i > 0; i--) {
            source.append(fragments[random.nextInt(fragments.length)]);
        }
        return source.toString();
    }

    /** Every token's text is the source's text at the token's line and column. */
    private static void assertTextsAtPositions(String text, List<Token> tokens) {
        List<Integer> lineStarts = lineStarts(text);
        for (Token token : tokens) {
            int offset = lineStarts.get(token.line() - 1) + token.column() - 1;
            assertThat(text.startsWith(token.text(), offset)).as("%s in %s", token, text).isTrue();
        }
    }

    @Test
    void richerRandomSourcesGiveEveryTokenItsTextAtItsPosition() {
        String[] fragments = { "x", "x1", "_y", "Aa", "BB", "def", "defx", "None", "é", "données", "0", "0x1F", "1e-3",
                ".5", "1_0", "'a'", "\"b\"", "'''c\nd'''", "f'{x}'", "# c\n", " ", "\t", "\n", "\r\n", "\r", "\\\n",
                "(", ")", "[", "]", "{", "}", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", "@", "!", ":",
                ",", ";", ".", "**=", "//=", "->", ":=", "...", "<<=", ">>=", "$", "?", "`" };
        Random random = new Random(20261208L);
        for (int round = 0; round < 2_000; round++) {
            String text = randomSource(random, fragments, 60);
            List<Token> tokens = tokens(text);
            assertTextsAtPositions(text, tokens);
            for (Token token : tokens) {
                if (token.kind() == Kind.NAME || token.kind() == Kind.NUMBER || token.kind() == Kind.OP) {
                    // the whole token: the next char does not continue it
                    assertThat(tokens(token.text())).extracting(Token::kind, Token::text).as("%s in %s", token, text)
                            .startsWith(tuple(token.kind(), token.text()));
                }
            }
        }
    }

    @Test
    void tokensOfTheSameTextShareOneString() {
        List<Token> tokens = tokens("def f(x):\n    return np.sum(x) + np.sum(x, 10) + 10\r\ndef g(): pass\r\n");
        Token firstDef = tokens.get(0);
        assertThat(firstDef.text()).isSameAs("def");
        List<Token> numpy = tokens.stream().filter(t -> t.isName("np")).toList();
        assertThat(numpy).hasSize(2);
        assertThat(numpy.get(0).text()).isSameAs(numpy.get(1).text());
        assertThat(tokens).filteredOn(t -> t.isOp("(")).allSatisfy(t -> assertThat(t.text()).isSameAs("("));
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.NUMBER).extracting(Token::text).containsExactly("10", "10")
                .satisfies(texts -> assertThat(texts.get(0)).isSameAs(texts.get(1)));
        assertThat(tokens).filteredOn(t -> t.kind() == Kind.NEWLINE).extracting(Token::text)
                .containsExactly("\n", "\r\n", "\r\n");
        assertThat(tokens(" a **= b // c -> d")).filteredOn(t -> t.kind() == Kind.OP)
                .extracting(Token::text).satisfies(ops -> {
                    assertThat(ops.get(0)).isSameAs("**=");
                    assertThat(ops.get(1)).isSameAs("//");
                    assertThat(ops.get(2)).isSameAs("->");
                });
    }

    @Test
    void manyDistinctNamesKeepTheirOwnTexts() {
        // "Aa" and "BB" have the same String hash: the table tells them apart by their chars
        StringBuilder source = new StringBuilder("Aa BB Aa BB\n");
        for (int i = 0; i < 20_000; i++) {
            source.append("name_").append(i).append(" = ").append(i).append(" + name_").append(i / 2).append('\n');
        }
        List<Token> tokens = tokens(source.toString());
        assertThat(tokens.subList(0, 4)).extracting(Token::text).containsExactly("Aa", "BB", "Aa", "BB");
        assertThat(tokens.get(0).text()).isSameAs(tokens.get(2).text());
        for (int i = 0; i < 20_000; i++) {
            // after the first line's 5 tokens, 6 per line: name_i = i + name_(i/2) NEWLINE
            List<Token> line = tokens.subList(5 + i * 6, 5 + i * 6 + 6);
            assertThat(line).extracting(Token::text)
                    .containsExactly("name_" + i, "=", String.valueOf(i), "+", "name_" + (i / 2), "\n");
            assertThat(line.get(4).text()).isSameAs(tokens.get(5 + (i / 2) * 6).text());
        }
    }

    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        starts.add(text.length());
        return starts;
    }

    @Test
    void deeplyNestedFStringsAndBracketsDoNotOverflowTheStack() {
        List<Token> fStrings = tokens("f'{".repeat(10_000));
        assertThat(fStrings.get(0).kind()).isEqualTo(Kind.ERRORTOKEN);
        assertThat(fStrings.get(fStrings.size() - 1).kind()).isEqualTo(Kind.END);
        List<Token> brackets = tokens("(".repeat(10_000) + ")".repeat(10_000));
        assertThat(brackets).hasSize(20_002);
        assertThat(brackets.get(20_000).kind()).isEqualTo(Kind.NEWLINE);
    }

    @Test
    void largeSourceIsTokenizedCompletely() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            source.append("value_").append(i).append(" = compute(\"text # not a comment\", ").append(i)
                    .append(")  # comment\n");
        }
        List<Token> tokens = tokens(source.toString());
        assertThat(tokens).hasSize(50_000 * 10 + 1);
        assertThat(tokens.get(tokens.size() - 2)).extracting(Token::kind, Token::line)
                .containsExactly(Kind.NEWLINE, 50_000);
    }
}
