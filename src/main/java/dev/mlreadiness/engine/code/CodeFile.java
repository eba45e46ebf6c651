package dev.mlreadiness.engine.code;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.notebook.Cell;
import dev.mlreadiness.engine.notebook.Notebook;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Import;
import dev.mlreadiness.engine.python.PythonModule;

/**
 * One file of code read as Python: a {@code .py} file, or a notebook whose code cells are joined in order into
 * one module (so an import in the first cell resolves calls in later ones, and a seed set in any cell counts for
 * the whole notebook). Lines of the module map back to lines of the file: for a notebook, the line of the
 * {@code .ipynb} text where that source line sits, so findings land in the diff.
 *
 * <p>
 * A notebook whose kernel is not Python gets an empty module; its {@link #notebook()} is still there for the
 * notebook rules. A cell left with an unclosed bracket can run on into the next cell's first statement: such a
 * cell fails in Jupyter too, so we accept it.
 */
public final class CodeFile {

    private final String path;
    private final PythonModule module;
    private final int[] lineMap;
    private final Notebook notebook;
    private final Set<String> importedNames = new HashSet<>();
    private final List<String> starImports = new ArrayList<>();

    private CodeFile(String path, PythonModule module, int[] lineMap, Notebook notebook) {
        this.path = path;
        this.module = module;
        this.lineMap = lineMap;
        this.notebook = notebook;
        for (Import i : module.imports()) {
            if ("*".equals(i.name())) {
                starImports.add(i.module());
            } else {
                importedNames.add(i.alias());
            }
        }
    }

    /** A Python source file: module lines are file lines. */
    public static CodeFile python(String path, String source) {
        return new CodeFile(path, PythonModule.parse(source), null, null);
    }

    /** A notebook: its code cells (IPython magics blanked) joined into one module. */
    public static CodeFile notebook(String path, Notebook notebook) {
        if (!notebook.isPython()) {
            return new CodeFile(path, PythonModule.parse(""), new int[0], notebook);
        }
        StringBuilder source = new StringBuilder();
        int lines = 0;
        for (Cell cell : notebook.codeCells()) {
            lines += cell.sourceLineNumbers().size();
        }
        int[] map = new int[lines];
        int next = 0;
        for (Cell cell : notebook.codeCells()) {
            if (cell.sourceLineNumbers().isEmpty()) {
                continue;
            }
            // The cell's line numbers come from splitting on \n only; a lone \r would be one more line break to
            // the tokenizer and shift every later line, so it becomes a space.
            String python = cell.pythonSource().replace('\r', ' ');
            source.append(python);
            if (!python.endsWith("\n")) {
                source.append('\n');
            }
            for (int ipynbLine : cell.sourceLineNumbers()) {
                map[next++] = ipynbLine;
            }
        }
        return new CodeFile(path, PythonModule.parse(source.toString()), map, notebook);
    }

    public String path() {
        return path;
    }

    /** The last path segment. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The code read as Python (all code cells of a notebook, in order). */
    public PythonModule module() {
        return module;
    }

    /** The notebook, for a {@code .ipynb} file. */
    public Optional<Notebook> notebook() {
        return Optional.ofNullable(notebook);
    }

    /**
     * The dotted names a call may stand for: its qualified name, and for a bare name no import binds, that name
     * in each module imported with {@code from m import *} ({@code train_test_split} after {@code from
     * sklearn.model_selection import *}).
     */
    public List<String> qualifiedNames(Call call) {
        if (starImports.isEmpty() || call.callee().contains(".") || importedNames.contains(call.callee())) {
            return List.of(call.qualifiedName());
        }
        List<String> names = new ArrayList<>();
        names.add(call.qualifiedName());
        for (String m : starImports) {
            names.add(m + "." + call.callee());
        }
        return names;
    }

    /**
     * True for a method called on a value rather than on an imported module: {@code df.sample()},
     * {@code model.fit()}, {@code pd.read_csv(f).sample()}; false for {@code np.random.rand()} and bare calls.
     */
    public boolean isMethodOnValue(Call call) {
        String callee = call.callee();
        int dot = callee.indexOf('.');
        return dot > 0 && !importedNames.contains(callee.substring(0, dot));
    }

    /** The 1-based line of the file (the {@code .ipynb} text for a notebook) where a module line sits. */
    public int fileLine(int moduleLine) {
        if (lineMap == null) {
            return moduleLine;
        }
        if (lineMap.length == 0) {
            return 1;
        }
        return lineMap[Math.min(Math.max(moduleLine, 1), lineMap.length) - 1];
    }
}
