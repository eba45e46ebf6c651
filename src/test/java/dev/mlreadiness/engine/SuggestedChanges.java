package dev.mlreadiness.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies findings' suggested changes the way GitHub does: each replaces its whole line. */
public final class SuggestedChanges {

    private SuggestedChanges() {
    }

    /** The files with each suggestion's line replaced by it; findings without one change nothing. */
    public static Map<String, String> applied(Map<String, String> files, List<Finding> findings) {
        Map<String, String> out = new LinkedHashMap<>(files);
        for (Finding f : findings) {
            if (f.suggestion() != null) {
                String[] lines = out.get(f.path()).split("\n", -1);
                lines[f.line() - 1] = f.suggestion();
                out.put(f.path(), String.join("\n", lines));
            }
        }
        return out;
    }

    /** One file's text with its findings' suggestions applied. */
    public static String applied(String path, String text, List<Finding> findings) {
        return applied(Map.of(path, text), findings).get(path);
    }
}
