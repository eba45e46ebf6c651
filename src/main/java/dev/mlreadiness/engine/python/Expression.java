package dev.mlreadiness.engine.python;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A light syntax tree of one expression, for rules that must look inside call arguments or assigned values
 * ({@code GridSearchCV(Pipeline([("clf", RandomForestClassifier())]), {"clf__random_state": [0]})}). Only the
 * shapes those rules need are told apart; anything else is {@link Other}. Read by
 * {@link PythonModule#callExpression(int)} and {@link PythonModule#assignedValues(String)}.
 */
public sealed interface Expression {

    /** Anything this tree does not model: operators, subscripts, lambdas, comprehensions, too deep nesting. */
    Expression OTHER = new Other();

    /** A plain dotted name: {@code grid}, {@code self.model}. */
    record Name(String dotted) implements Expression {
    }

    /**
     * A literal: {@code None}, {@code True}, {@code False}, a (signed) number, or string literals.
     *
     * @param kind {@link ValueKind#NONE}, {@code TRUE}, {@code FALSE}, {@code NUMBER} or {@code STRING}
     * @param text the source text
     * @param value for one plain string literal, its content without quotes (escapes not decoded); else null
     */
    record Literal(ValueKind kind, String text, String value) implements Expression {
    }

    /**
     * A call.
     *
     * @param index its position in {@link PythonModule#calls()}, which has its callee and line
     * @param positional the positional arguments ({@code *args} is not among them)
     * @param keywords the keyword arguments by name, in source order
     * @param hasDoubleStar whether a {@code **mapping} argument is passed
     */
    record Call(int index, List<Expression> positional, Map<String, Expression> keywords, boolean hasDoubleStar)
            implements
                Expression {

        /** The argument given by this keyword, else the positional argument at {@code position}, else null. */
        public Expression argument(int position, Set<String> keywordNames) {
            for (String k : keywordNames) {
                Expression e = keywords.get(k);
                if (e != null) {
                    return e;
                }
            }
            return position >= 0 && position < positional.size() ? positional.get(position) : null;
        }
    }

    /**
     * A dict display {@code {"a": 1}}.
     *
     * @param entries the entries whose key is one plain string literal, in source order
     * @param spreads the values of {@code **mapping} entries
     * @param otherKeys whether some entry has a key that is not a plain string literal
     */
    record Dict(Map<String, Expression> entries, List<Expression> spreads, boolean otherKeys)
            implements
                Expression {
    }

    /** A list, tuple or set display ({@code [a, b]}, {@code (a, b)}, {@code a, b} is not one). */
    record Sequence(List<Expression> elements) implements Expression {
    }

    /** See {@link #OTHER}. */
    record Other() implements Expression {
    }
}
