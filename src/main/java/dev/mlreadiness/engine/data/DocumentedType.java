package dev.mlreadiness.engine.data;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.markdown.InlineCode;

/**
 * The type a schema table's type cell gives a column ({@code float}, {@code int64}, {@code Boolean},
 * {@code string}), and whether the sampled values of the column contradict it. Only plain contradictions count: a
 * number column of words, an integer column of fractions, a boolean column of other values, a date column of
 * words. Text types accept anything (zip codes are text made of digits), and a cell naming several kinds of type
 * ({@code int or string}) or none the vocabulary knows ({@code enum}, {@code geometry}) is never judged.
 */
public enum DocumentedType {
    INTEGER,
    NUMBER,
    BOOLEAN,
    DATE,
    TEXT;

    private static final Map<String, DocumentedType> WORDS = Map.ofEntries(
            Map.entry("int", INTEGER), Map.entry("integer", INTEGER), Map.entry("bigint", INTEGER),
            Map.entry("smallint", INTEGER), Map.entry("tinyint", INTEGER), Map.entry("long", INTEGER),
            Map.entry("short", INTEGER), Map.entry("uint", INTEGER), Map.entry("count", INTEGER),
            Map.entry("float", NUMBER), Map.entry("double", NUMBER), Map.entry("decimal", NUMBER),
            Map.entry("number", NUMBER), Map.entry("numeric", NUMBER), Map.entry("real", NUMBER),
            Map.entry("continuous", NUMBER),
            Map.entry("bool", BOOLEAN), Map.entry("boolean", BOOLEAN),
            Map.entry("date", DATE), Map.entry("datetime", DATE), Map.entry("timestamp", DATE),
            Map.entry("string", TEXT), Map.entry("str", TEXT), Map.entry("text", TEXT), Map.entry("object", TEXT),
            Map.entry("category", TEXT), Map.entry("categorical", TEXT), Map.entry("char", TEXT),
            Map.entry("varchar", TEXT), Map.entry("nvarchar", TEXT), Map.entry("enum", TEXT));
    /** A run of letters: the bit sizes of numpy and SQL types fall away ({@code int64}, {@code float32}). */
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    /** The type a cell names, when it names exactly one kind of type. */
    public static Optional<DocumentedType> of(String cell) {
        Set<DocumentedType> kinds = EnumSet.noneOf(DocumentedType.class);
        Matcher m = WORD.matcher(cell.toLowerCase(Locale.ROOT));
        int words = 0;
        while (m.find() && words++ < 20) {
            DocumentedType t = WORDS.get(m.group());
            if (t != null) {
                kinds.add(t);
            }
        }
        return kinds.size() == 1 ? Optional.of(kinds.iterator().next()) : Optional.empty();
    }

    /**
     * How the sampled values contradict the type, as it reads after "holds" ({@code words such as `twelve`}), when
     * at least half of the values that are not missing do and there are at least three such values.
     */
    public Optional<String> contradiction(List<String> values) {
        int present = 0;
        int against = 0;
        String example = null;
        for (String v : values) {
            CellKind kind = CellKind.of(v);
            if (kind == CellKind.MISSING) {
                continue;
            }
            present++;
            if (contradicts(kind, v)) {
                against++;
                example = example == null ? v : example;
            }
        }
        if (present < 3 || against * 2 < present || example == null) {
            return Optional.empty();
        }
        String shown = InlineCode.span(example.length() > 40 ? example.substring(0, 40) + "…" : example);
        if (this == BOOLEAN) {
            return Optional.of("other values such as " + shown);
        }
        return Optional.of(switch (CellKind.of(example)) {
            case DECIMAL -> "fractions such as " + shown;
            case DATE -> "dates such as " + shown;
            default -> "words such as " + shown;
        });
    }

    private boolean contradicts(CellKind kind, String value) {
        return switch (this) {
            case INTEGER -> kind != CellKind.INTEGER;
            case NUMBER -> kind != CellKind.INTEGER && kind != CellKind.DECIMAL;
            case BOOLEAN -> kind != CellKind.BOOLEAN && !(kind == CellKind.INTEGER && value.strip().matches("[01]"));
            case DATE -> !CellKind.hasDigit(value);
            case TEXT -> false;
        };
    }

    /** How messages name it. */
    public String label() {
        return switch (this) {
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case DATE -> "a date";
            case TEXT -> "text";
        };
    }
}
