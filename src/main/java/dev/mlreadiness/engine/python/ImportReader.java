package dev.mlreadiness.engine.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code import} and {@code from ... import} statements, and which dotted name each bound name
 * stands for. Malformed statements yield what could be read up to the point they go wrong.
 */
final class ImportReader {

    private final CodeTokens code;
    private final List<Import> imports = new ArrayList<>();
    /** Bound name to the dotted name it stands for; a later import of the same name wins. */
    private final Map<String, String> bindings = new LinkedHashMap<>();

    private ImportReader(CodeTokens code) {
        this.code = code;
    }

    static ImportReader read(CodeTokens code) {
        ImportReader reader = new ImportReader(code);
        for (int i = 0; i < code.size(); i++) {
            // the keyword first: a statement start is the dearer test
            if (code.isName(i, "import") && code.isStatementStart(i)) {
                reader.plainImport(i + 1);
            } else if (code.isName(i, "from") && code.isStatementStart(i)) {
                reader.fromImport(i + 1);
            }
        }
        return reader;
    }

    List<Import> imports() {
        return imports;
    }

    Map<String, String> bindings() {
        return bindings;
    }

    /** {@code import a.b.c, d as e}. */
    private void plainImport(int i) {
        while (code.isIdentifier(i)) {
            Token first = code.get(i);
            int end = dottedNameEnd(i);
            String module = code.joined(i, end);
            i = end;
            // Python binds the first segment of a plain dotted import.
            String alias = first.text();
            String target = alias;
            if (code.isName(i, "as") && code.isIdentifier(i + 1)) {
                alias = code.get(i + 1).text();
                target = module;
                i += 2;
            }
            add(new Import(module, null, alias, first.line()), target);
            if (!code.isOp(i, ",")) {
                return;
            }
            i++;
        }
    }

    /** {@code from .pkg.mod import a, b as c}, {@code from x import (a, b)}, {@code from x import *}. */
    private void fromImport(int i) {
        StringBuilder module = new StringBuilder();
        while (code.isOp(i, ".") || code.isOp(i, "...")) {
            module.append(code.get(i++).text());
        }
        if (code.isIdentifier(i)) {
            int end = dottedNameEnd(i);
            module.append(code.joined(i, end));
            i = end;
        }
        if (module.isEmpty() || !code.isName(i, "import")) {
            return;
        }
        i++;
        boolean parenthesized = code.isOp(i, "(");
        if (parenthesized) {
            i++;
        }
        String from = module.toString();
        if (code.isOp(i, "*")) {
            imports.add(new Import(from, "*", null, code.get(i).line()));
            return;
        }
        while (code.isIdentifier(i)) {
            Token name = code.get(i);
            String alias = name.text();
            i++;
            if (code.isName(i, "as") && code.isIdentifier(i + 1)) {
                alias = code.get(i + 1).text();
                i += 2;
            }
            String target = from.endsWith(".") ? from + name.text() : from + "." + name.text();
            add(new Import(from, name.text(), alias, name.line()), target);
            if (!code.isOp(i, ",")) {
                return;
            }
            i++;
        }
    }

    private void add(Import anImport, String target) {
        imports.add(anImport);
        bindings.put(anImport.alias(), target);
    }

    /** Index just after {@code NAME (. NAME)*} starting at i. */
    private int dottedNameEnd(int i) {
        int end = i + 1;
        while (code.isOp(end, ".") && code.isIdentifier(end + 1)) {
            end += 2;
        }
        return end;
    }
}
