package dev.mlreadiness.engine.python;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One call expression of the source.
 *
 * @param callee the called dotted name as written ({@code np.random.seed}); when the receiver is not
 *        a plain dotted name the receiver is {@code ?} ({@code pd.read_csv(x).sample(...)} and
 *        {@code df["a"].sample(...)} give {@code ?.sample}; {@code f(x)(y)} gives {@code ?})
 * @param qualifiedName the callee with its first segment resolved through the imports
 *        ({@link PythonModule#resolve(String)})
 * @param simpleName the callee's last segment ({@code seed})
 * @param line 1-based line of the callee's last name token: a multi-line call is reported there
 * @param endLine 1-based line of the closing parenthesis (the last line when it is missing)
 * @param positional positional arguments in order ({@code *args} is not among them)
 * @param keywords keyword arguments by name, in source order ({@code **kwargs} is not among them)
 * @param hasDoubleStar whether a {@code **mapping} argument is passed
 * @param hasStar whether a {@code *iterable} argument is passed
 */
public record Call(String callee, String qualifiedName, String simpleName, int line, int endLine,
        List<Argument> positional, Map<String, Argument> keywords, boolean hasDoubleStar, boolean hasStar) {

    /** The keyword argument with this name, or {@code null}. */
    public Argument keyword(String name) {
        return keywords.get(name);
    }

    /**
     * The call reduced to what it does: the resolved name and the arguments without whitespace, keywords in name
     * order. The same call reformatted, reached through another import alias or moved to another file reads the
     * same: {@code nn.init.normal_(w, 0, 0.02)} after {@code import torch.nn as nn} and
     * {@code torch.nn.init.normal_(w,0,0.02)} both give {@code torch.nn.init.normal_(w,0,0.02,)}.
     */
    public String normalized() {
        StringBuilder b = new StringBuilder(qualifiedName).append('(');
        positional.forEach(a -> b.append(withoutSpaces(a.text())).append(','));
        if (hasStar) {
            b.append("*,");
        }
        new TreeMap<>(keywords).forEach((k, v) -> b.append(k).append('=').append(withoutSpaces(v.text()))
                .append(','));
        if (hasDoubleStar) {
            b.append("**");
        }
        return b.append(')').toString();
    }

    private static String withoutSpaces(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
