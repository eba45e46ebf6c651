package dev.mlreadiness.engine.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Token;
import dev.mlreadiness.engine.python.ValueKind;

/**
 * What documentation describes of one code file: its command-line options, the settings it reads (environment
 * variables, config keys), the functions and classes it defines (model classes apart) and whether it runs as a
 * script. Read from the tokens and calls in one pass each; lines are lines of the file (the {@code .ipynb} text for
 * a notebook).
 */
final class CodeSurface {

    enum Kind {
        /** {@code --lr} of argparse, click, typer or absl. */
        OPTION,
        /** An environment variable or a key of a config mapping the code reads. */
        SETTING,
        /** A class deriving from a model base ({@code nn.Module}, {@code BaseEstimator}, ...). */
        MODEL_CLASS,
        /** Any other {@code def} or {@code class}. */
        DEFINITION,
        /** {@code if __name__ == "__main__":}. */
        ENTRY_POINT
    }

    /**
     * @param signature what must stay the same for the item to be unchanged wherever it moves: the call declaring
     *        the option or reading the setting, the {@code def}/{@code class} line's tokens
     */
    record Item(Kind kind, String name, int line, String signature) {
    }

    static final CodeSurface EMPTY = new CodeSurface(List.of());

    private static final Set<String> OPTION_CALLS = Set.of("add_argument", "add_option");
    private static final Set<String> CLICK_CALLS = Set.of("option", "argument", "Option", "Argument");
    private static final Set<String> ENV_CALLS = Set.of("os.getenv", "os.environ.get", "os.environ.setdefault",
            "os.environ.pop");
    private static final Set<String> CONFIG_NAMES = Set.of("cfg", "config", "conf", "configs", "params", "hparams",
            "hyperparams", "hyperparameters", "settings", "hp", "environ");
    private static final Set<String> MODEL_BASES = Set.of("Module", "LightningModule", "Layer", "Sequential",
            "BaseEstimator", "ClassifierMixin", "RegressorMixin", "TransformerMixin", "ClusterMixin");
    /** Names that end like a model base but are schemas or ORM rows. */
    private static final Set<String> NOT_MODEL_BASES = Set.of("BaseModel", "SQLModel");
    private static final int MAX_NAME = 100;
    private static final int MAX_HEADER = 200;

    private final List<Item> items;

    private CodeSurface(List<Item> items) {
        this.items = items;
    }

    List<Item> items() {
        return items;
    }

    static CodeSurface of(CodeFile file) {
        List<Item> items = new ArrayList<>();
        for (Call call : file.module().calls()) {
            int line = file.fileLine(call.line());
            option(call).ifPresent(name -> items.add(new Item(Kind.OPTION, name, line, call.normalized())));
            setting(call).ifPresent(name -> items.add(new Item(Kind.SETTING, name, line, call.normalized())));
        }
        List<Token> tokens = file.module().tokens().stream()
                .filter(t -> t.kind() != Token.Kind.COMMENT && t.kind() != Token.Kind.NL).toList();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token next = tokens.get(i + 1);
            int line = file.fileLine(t.line());
            if ((t.isName("def") || t.isName("class")) && next.kind() == Token.Kind.NAME && i + 2 < tokens.size()
                    && (tokens.get(i + 2).isOp("(") || tokens.get(i + 2).isOp(":"))
                    && (i == 0 || !tokens.get(i - 1).isOp("."))) {
                boolean model = t.isName("class") && derivesFromModel(tokens, i + 2);
                items.add(new Item(model ? Kind.MODEL_CLASS : Kind.DEFINITION, next.text(), line,
                        header(tokens, i)));
            } else if (t.isName("if") && next.isName("__name__") && i + 3 < tokens.size()
                    && tokens.get(i + 2).isOp("==") && "__main__".equals(tokens.get(i + 3).stringValue())) {
                items.add(new Item(Kind.ENTRY_POINT, "__main__", line, "__main__"));
            } else if (t.kind() == Token.Kind.NAME && next.isOp("[") && i + 3 < tokens.size()
                    && isConfigName(t.text()) && tokens.get(i + 3).isOp("]")) {
                String key = tokens.get(i + 2).stringValue();
                if (isName(key)) {
                    items.add(new Item(Kind.SETTING, key, line, t.text() + "[" + key + "]"));
                }
            }
        }
        return new CodeSurface(List.copyOf(items));
    }

    /** The option a parser call declares: its long flag, else its first flag, else a positional's name. */
    private static Optional<String> option(Call call) {
        String simple = call.simpleName();
        boolean argparse = OPTION_CALLS.contains(simple);
        boolean click = CLICK_CALLS.contains(simple) && (call.qualifiedName().startsWith("click.")
                || call.qualifiedName().startsWith("typer."));
        if (simple.startsWith("DEFINE_") && call.qualifiedName().contains("flags")) {
            return first(call).map(name -> "--" + name);
        }
        if (!argparse && !click) {
            return Optional.empty();
        }
        String shortFlag = null;
        String positional = null;
        for (Argument a : call.positional()) {
            String value = stringValue(a);
            if (value == null || !isName(value)) {
                continue;
            }
            if (value.startsWith("--")) {
                return Optional.of(value);
            }
            if (value.startsWith("-")) {
                shortFlag = shortFlag == null ? value : shortFlag;
            } else if (positional == null) {
                positional = value;
            }
        }
        if (shortFlag != null) {
            return Optional.of(shortFlag);
        }
        // typer.Option("default", ...) is a default value, not a name; argparse and click name positionals
        return Optional.ofNullable(simple.equals("Option") ? null : positional);
    }

    /** The environment variable or config key a lookup reads: {@code os.getenv("X")}, {@code cfg.get("lr")}. */
    private static Optional<String> setting(Call call) {
        if (ENV_CALLS.contains(call.qualifiedName())) {
            return first(call);
        }
        String callee = call.callee();
        int dot = callee.lastIndexOf('.');
        if (!call.simpleName().equals("get") || dot <= 0) {
            return Optional.empty();
        }
        String receiver = callee.substring(callee.lastIndexOf('.', dot - 1) + 1, dot);
        return isConfigName(receiver) ? first(call) : Optional.empty();
    }

    private static Optional<String> first(Call call) {
        if (call.positional().isEmpty()) {
            return Optional.empty();
        }
        String value = stringValue(call.positional().get(0));
        return isName(value) ? Optional.of(value) : Optional.empty();
    }

    /**
     * A {@code def} or {@code class} line's tokens up to its colon, without whitespace: the same however it is
     * wrapped. At most {@link #MAX_HEADER} tokens.
     */
    private static String header(List<Token> tokens, int from) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (int i = from; i < tokens.size() && i - from < MAX_HEADER; i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.END || (depth == 0 && t.isOp(":"))) {
                break;
            }
            depth += t.isOp("(") || t.isOp("[") ? 1 : t.isOp(")") || t.isOp("]") ? -1 : 0;
            b.append(t.text()).append(' ');
        }
        return b.toString();
    }

    /**
     * Whether the bases in parentheses after a class name include a model base; stops at the closing one, or after
     * {@link #MAX_HEADER} tokens.
     */
    private static boolean derivesFromModel(List<Token> tokens, int from) {
        if (from >= tokens.size() || !tokens.get(from).isOp("(")) {
            return false;
        }
        int depth = 0;
        for (int i = from; i < tokens.size() && i - from < MAX_HEADER; i++) {
            Token t = tokens.get(i);
            if (t.isOp("(") || t.isOp("[")) {
                depth++;
            } else if (t.isOp(")") || t.isOp("]")) {
                if (--depth == 0) {
                    return false;
                }
            } else if (t.kind() == Token.Kind.NEWLINE || t.kind() == Token.Kind.END) {
                return false;
            } else if (depth == 1 && t.kind() == Token.Kind.NAME && i + 1 < tokens.size()
                    && !tokens.get(i + 1).isOp(".") && !tokens.get(i + 1).isOp("=") && isModelBase(t.text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isModelBase(String name) {
        return !NOT_MODEL_BASES.contains(name) && (MODEL_BASES.contains(name) || name.endsWith("Model")
                || name.endsWith("Estimator") || name.endsWith("Classifier") || name.endsWith("Regressor"));
    }

    private static boolean isConfigName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return CONFIG_NAMES.contains(lower) || lower.endsWith("_cfg") || lower.endsWith("config")
                || lower.endsWith("_params");
    }

    /** A plain string literal's content; null for f-strings, concatenations and anything else. */
    private static String stringValue(Argument a) {
        if (a.kind() != ValueKind.STRING) {
            return null;
        }
        String text = a.text();
        int quote = 0;
        while (quote < text.length() && text.charAt(quote) != '\'' && text.charAt(quote) != '"') {
            quote++;
        }
        if (quote >= text.length() || text.substring(0, quote).toLowerCase(Locale.ROOT).contains("f")) {
            return null;
        }
        char q = text.charAt(quote);
        int end = text.indexOf(q, quote + 1);
        return end < 0 || end != text.length() - 1 ? null : text.substring(quote + 1, end);
    }

    /** A name worth comparing: short, on one line, without spaces. */
    private static boolean isName(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
