package dev.mlreadiness.engine.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.python.Call;

class NotebookParserTest {

    private static Notebook parse(String json) throws NotebookFormatException {
        return NotebookParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(NotebookFormatException.class).hasMessage(message);
    }

    // Line numbers in the comments on the right are the 1-based lines of the .ipynb text.
    private static final String NBFORMAT_4 = """
            {
             "cells": [
              {
               "cell_type": "code",
               "execution_count": 1,
               "metadata": {},
               "outputs": [],
               "source": [
                "import numpy as np\\n",
                "x = np.random.rand(3)\\n",
                "print(x)"
               ]
              },
              {
               "cell_type": "markdown",
               "metadata": {},
               "source": "# Title\\nSome text"
              },
              {
               "cell_type": "code",
               "execution_count": null,
               "metadata": {},
               "outputs": [],
               "source": []
              }
             ],
             "metadata": {
              "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
              "language_info": {"name": "python", "version": "3.11.4"}
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }
            """;

    @Test
    void listSourceMapsEachElementToItsJsonLine() throws Exception {
        Notebook notebook = parse(NBFORMAT_4);
        assertThat(notebook.nbformat()).isEqualTo(4);
        assertThat(notebook.nbformatMinor()).isEqualTo(5);
        assertThat(notebook.language()).isEqualTo("python");
        assertThat(notebook.isPython()).isTrue();
        assertThat(notebook.cells()).extracting(Cell::index, Cell::type, Cell::executionCount, Cell::sourceKeyLine,
                Cell::sourceLineNumbers, Cell::outputCount, Cell::firstSourceLine)
                .containsExactly(
                        tuple(0, CellType.CODE, 1, 8, List.of(9, 10, 11), 0, 9),
                        tuple(1, CellType.MARKDOWN, null, 17, List.of(17, 17), 0, 17),
                        tuple(2, CellType.CODE, null, 24, List.of(), 0, 24));
        Cell first = notebook.cells().get(0);
        assertThat(first.source()).isEqualTo("import numpy as np\nx = np.random.rand(3)\nprint(x)");
        assertThat(first.errors()).isEmpty();
        assertThat(notebook.codeCells()).extracting(Cell::index).containsExactly(0, 2);
    }

    @Test
    void pythonOfACellMapsCallLinesBackToTheIpynbText() throws Exception {
        Cell cell = parse(NBFORMAT_4).cells().get(0);
        List<Call> calls = cell.python().calls();
        assertThat(calls).extracting(Call::qualifiedName, Call::line)
                .containsExactly(tuple("numpy.random.rand", 2), tuple("print", 3));
        assertThat(calls).extracting(call -> cell.ipynbLine(call.line())).containsExactly(10, 11);
        assertThat(cell.ipynbLine(0)).isEqualTo(9);
        assertThat(cell.ipynbLine(99)).isEqualTo(11);
        assertThat(parse(NBFORMAT_4).cells().get(2).ipynbLine(1)).isEqualTo(24);
    }

    @Test
    void elementsWithSeveralLinesAndListsOnOneJsonLine() throws Exception {
        Notebook notebook = parse("""
                {"nbformat": 4, "nbformat_minor": 2, "metadata": {},
                 "cells": [{"cell_type": "code", "execution_count": 3, "outputs": [], "metadata": {},
                   "source": ["a = 1\\nb = 2\\n", "c = 3\\n", "d = ", "4"]},
                  {"cell_type": "code", "execution_count": 2, "outputs": [], "metadata": {},
                   "source": [
                     "x = 1\\ny = 2\\n",
                     "z = 3"
                   ]}]}
                """);
        assertThat(notebook.cells()).extracting(Cell::source, Cell::sourceLineNumbers, Cell::sourceKeyLine)
                .containsExactly(
                        tuple("a = 1\nb = 2\nc = 3\nd = 4", List.of(3, 3, 3, 3), 3),
                        tuple("x = 1\ny = 2\nz = 3", List.of(6, 6, 7), 5));
        assertThat(notebook.cells()).extracting(Cell::executionCount).containsExactly(3, 2);
        assertThat(notebook.language()).isNull();
        assertThat(notebook.isPython()).isTrue();
    }

    @Test
    void trailingLineBreakAddsNoEmptyLine() throws Exception {
        Notebook notebook = parse("""
                {"cells": [{"cell_type": "code", "source": ["a\\n",
                  "b\\n"]}]}
                """);
        assertThat(notebook.cells().get(0).sourceLineNumbers()).containsExactly(1, 2);
        assertThat(notebook.nbformat()).isEqualTo(4);
    }

    @Test
    void magicsAreBlankedBeforeTheCellIsReadAsPython() throws Exception {
        Notebook notebook = parse("""
                {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
                 {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                  "source": [
                   "%matplotlib inline\\n",
                   "!pip install \\"scikit-learn==1.5\\n",
                   "s = '%not a magic'\\n",
                   "model = RandomForestClassifier(n_estimators=10)\\n",
                   "%time model.fit(X, y)"
                  ]}
                ]}
                """);
        Cell cell = notebook.cells().get(0);
        assertThat(cell.pythonSource().split("\n", -1)).containsExactly(
                " ".repeat("%matplotlib inline".length()), " ".repeat("!pip install \"scikit-learn==1.5".length()),
                "s = '%not a magic'", "model = RandomForestClassifier(n_estimators=10)",
                " ".repeat("%time model.fit(X, y)".length()));
        assertThat(cell.python().calls()).extracting(Call::callee, call -> cell.ipynbLine(call.line()))
                .containsExactly(tuple("RandomForestClassifier", 7));
        assertThat(cell.python().strings()).extracting(s -> s.value()).containsExactly("%not a magic");
    }

    @Test
    void outputsAreCountedAndErrorOutputsKeptWithTheirLine() throws Exception {
        Notebook notebook = parse("""
                {
                 "nbformat": 4,
                 "nbformat_minor": 4,
                 "metadata": {"kernelspec": {"name": "ir", "language": "R"}},
                 "cells": [
                  {
                   "cell_type": "code",
                   "execution_count": 7,
                   "metadata": {},
                   "outputs": [
                    {"output_type": "stream", "name": "stdout", "text": ["hello\\n", "world\\n"]},
                    {
                     "ename": "ValueError",
                     "evalue": "bad value",
                     "output_type": "error",
                     "traceback": ["line 1", "line 2"]
                    },
                    {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": ["<Figure>"]}, "metadata": {}}
                   ],
                   "source": "raise ValueError('bad value')"
                  }
                 ]
                }
                """);
        assertThat(notebook.language()).isEqualTo("R");
        assertThat(notebook.isPython()).isFalse();
        Cell cell = notebook.cells().get(0);
        assertThat(cell.outputCount()).isEqualTo(3);
        assertThat(cell.errors()).containsExactly(new ErrorOutput("ValueError", "bad value", 12));
        assertThat(cell.sourceLineNumbers()).containsExactly(20);
        assertThat(cell.executionCount()).isEqualTo(7);
    }

    @Test
    void kernelspecNameAloneTellsPython() throws Exception {
        Notebook notebook = parse("{\"metadata\": {\"kernelspec\": {\"name\": \"python3\"}}, \"cells\": []}");
        assertThat(notebook.language()).isEqualTo("python");
        assertThat(notebook.cells()).isEmpty();
    }

    @Test
    void nbformat3IsReadIntoTheSameModel() throws Exception {
        Notebook notebook = parse("""
                {
                 "metadata": {"name": ""},
                 "nbformat": 3,
                 "nbformat_minor": 0,
                 "worksheets": [
                  {
                   "cells": [
                    {
                     "cell_type": "heading",
                     "level": 1,
                     "metadata": {},
                     "source": ["Title"]
                    },
                    {
                     "cell_type": "code",
                     "collapsed": false,
                     "input": [
                      "import random\\n",
                      "random.shuffle(items)"
                     ],
                     "language": "python",
                     "metadata": {},
                     "outputs": [
                      {
                       "ename": "NameError",
                       "evalue": "name 'items' is not defined",
                       "output_type": "pyerr",
                       "traceback": []
                      }
                     ],
                     "prompt_number": 2
                    }
                   ],
                   "metadata": {}
                  }
                 ]
                }
                """);
        assertThat(notebook.nbformat()).isEqualTo(3);
        assertThat(notebook.cells()).extracting(Cell::index, Cell::type, Cell::source, Cell::sourceKeyLine,
                Cell::sourceLineNumbers, Cell::executionCount, Cell::outputCount)
                .containsExactly(
                        tuple(0, CellType.MARKDOWN, "Title", 12, List.of(12), null, 0),
                        tuple(1, CellType.CODE, "import random\nrandom.shuffle(items)", 17, List.of(18, 19), 2, 1));
        assertThat(notebook.cells().get(1).errors())
                .containsExactly(new ErrorOutput("NameError", "name 'items' is not defined", 24));
    }

    @Test
    void invalidJsonSaysWhere() {
        assertRejected("{\n \"cells\": [\n  {\"cell_type\": \"code\",, }\n ]\n}\n",
                "not valid JSON at line 3, column 24: Unexpected character (',' (code 44)): "
                        + "was expecting double-quote to start field name");
    }

    @Test
    void truncatedJsonIsRejected() {
        assertThatThrownBy(() -> parse("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"a\","))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessageStartingWith("not valid JSON at line 1, column ")
                .hasMessageContaining("end-of-input");
    }

    @Test
    void invalidUtf8IsRejected() {
        byte[] bytes = { '{', '"', (byte) 0xFF, '"', ':', '1', '}' };
        assertThatThrownBy(() -> NotebookParser.parse(bytes))
                .isInstanceOf(NotebookFormatException.class)
                .hasMessageStartingWith("not valid JSON at line 1");
    }

    @Test
    void wrongShapesAreRejectedWithTheirLine() {
        assertRejected("", "empty file: a notebook is a JSON object");
        assertRejected("[1, 2]", "the top-level value must be an object, found an array at line 1");
        assertRejected("\"notebook\"", "the top-level value must be an object, found a string at line 1");
        assertRejected("{\"nbformat\": 4, \"metadata\": {}}",
                "not a notebook: no \"cells\" array (nor nbformat 3 \"worksheets\")");
        assertRejected("{\n\"cells\": {}}", "\"cells\" must be an array, found an object at line 2");
        assertRejected("{\"cells\": [1]}", "cell 0 must be an object, found a number at line 1");
        assertRejected("{\"cells\": [{\"source\": 5}]}",
                "the source of cell 0 must be an array, found a number at line 1");
        assertRejected("{\"cells\": [{\"source\": [\"a\", null]}]}",
                "an element of the source of cell 0 must be a string, found null at line 1");
        assertRejected("{\"cells\": []} {}", "unexpected content after the notebook object at line 1");
        assertRejected("{\"nbformat\": 2, \"worksheets\": []}", "nbformat 2 is not supported (only 3 and 4 are)");
    }

    @Test
    void severalMegabytesOfOutputsAreSkipped() throws Exception {
        String image = "A".repeat(50_000);
        String streamText = "\"a line of printed output\\n\", ".repeat(200);
        StringBuilder json = new StringBuilder("{\n \"cells\": [\n");
        int cells = 100;
        for (int i = 0; i < cells; i++) {
            // Seven lines per cell; cell i's source sits on line 8 + 7 * i.
            json.append("  {\n")
                    .append("   \"cell_type\": \"code\",\n")
                    .append("   \"execution_count\": ").append(i + 1).append(",\n")
                    .append("   \"metadata\": {},\n")
                    .append("   \"outputs\": [{\"output_type\": \"display_data\", \"data\": {\"image/png\": \"")
                    .append(image).append("\"}, \"metadata\": {}}, {\"output_type\": \"stream\", \"text\": [")
                    .append(streamText).append("\"end\"]}, {\"output_type\": \"error\", \"ename\": \"E").append(i)
                    .append("\", \"evalue\": \"v\", \"traceback\": [\"").append(image).append("\"]}],\n")
                    .append("   \"source\": [\"x = ").append(i).append("\\n\", \"print(x)\"]\n")
                    .append(i + 1 < cells ? "  },\n" : "  }\n");
        }
        json.append(" ],\n \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(10_000_000);

        Notebook notebook = NotebookParser.parse(bytes);

        assertThat(notebook.cells()).hasSize(cells);
        Cell last = notebook.cells().get(cells - 1);
        assertThat(last.source()).isEqualTo("x = 99\nprint(x)");
        assertThat(last.sourceLineNumbers()).containsExactly(8 + 7 * 99, 8 + 7 * 99);
        assertThat(last.executionCount()).isEqualTo(100);
        assertThat(last.outputCount()).isEqualTo(3);
        assertThat(last.errors()).containsExactly(new ErrorOutput("E99", "v", 7 + 7 * 99));
        assertThat(notebook.cells()).allSatisfy(cell -> assertThat(cell.outputCount()).isEqualTo(3));
    }

    @Test
    void cellsReadingAVersionKeepTheirShortPrintedTextsOnly() throws Exception {
        String nb = """
                {"cells": [
                 {"cell_type": "code", "execution_count": 1, "metadata": {},
                  "outputs": [{"name": "stdout", "output_type": "stream", "text": ["2.2.2 ", "1.26.4\\n"]},
                              {"output_type": "execute_result", "data": {"text/plain": ["'2.3.1'"],
                               "image/png": "iVBORw0KGgo="}, "execution_count": 1, "metadata": {}}],
                  "source": ["print(pd.__version__, np.__version__)\\n", "torch.__version__"]},
                 {"cell_type": "code", "execution_count": 2, "metadata": {},
                  "outputs": [{"name": "stdout", "output_type": "stream", "text": "1.0.0\\n"}],
                  "source": "print(x)"},
                 {"cell_type": "code", "execution_count": 3, "metadata": {},
                  "outputs": [{"name": "stdout", "output_type": "stream", "text": "%s"}],
                  "source": "print(big.__version__)"}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """.formatted("9".repeat(NotebookParser.MAX_KEPT_OUTPUT_CHARS + 1));
        Notebook parsed = parse(nb);
        assertThat(parsed.cells().get(0).versionOutputs()).containsExactly("2.2.2 1.26.4\n", "'2.3.1'");
        assertThat(parsed.cells().get(1).versionOutputs()).as("no __version__ read").isEmpty();
        assertThat(parsed.cells().get(2).versionOutputs()).as("too long to be a version").isEmpty();
        assertThat(parsed.cells()).extracting(Cell::startLine, Cell::endLine)
                .containsExactly(tuple(2, 6), tuple(7, 9), tuple(10, 12));
        assertThat(parsed.describeLine(6)).as("two source lines share it").contains("cell 1 (In [1])");
        assertThat(parsed.describeLine(3)).contains("cell 1 (In [1]), in its outputs or metadata");
        assertThat(parsed.describeLine(1)).isEmpty();
        assertThat(parsed.codeLine(2)).map(Notebook.SourceLine::label).contains("cell 1 (In [1]), line 2");
        assertThat(parsed.codeLine(3)).map(Notebook.SourceLine::label).contains("cell 2 (In [2]), line 1");
        assertThat(parsed.codeLine(5)).isEmpty();
    }
}
