package dev.mlreadiness.engine.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static int indexOf(PythonModule m, String callee) {
        for (int i = 0; i < m.calls().size(); i++) {
            if (m.calls().get(i).callee().equals(callee)) {
                return i;
            }
        }
        throw new AssertionError("no call of " + callee);
    }

    @Test
    void callArgumentsAreTreesOfCallsDisplaysNamesAndLiterals() {
        PythonModule m = PythonModule.parse("""
                s = GridSearchCV(Pipeline([("clf", RF(n=1))]), {"clf__random_state": [0, None], 1: 2, **extra},
                                 cv=(5), scoring=f"{x}", n_jobs=-1, *rest)
                """);
        Expression.Call search = m.callExpression(indexOf(m, "GridSearchCV"));
        assertThat(search.positional()).hasSize(2);
        Expression.Call pipeline = (Expression.Call) search.positional().get(0);
        assertThat(m.calls().get(pipeline.index()).callee()).isEqualTo("Pipeline");
        Expression.Sequence steps = (Expression.Sequence) pipeline.positional().get(0);
        Expression.Sequence step = (Expression.Sequence) steps.elements().get(0);
        assertThat(step.elements().get(0)).isEqualTo(new Expression.Literal(ValueKind.STRING, "\"clf\"", "clf"));
        Expression.Call rf = (Expression.Call) step.elements().get(1);
        assertThat(rf.keywords().get("n")).isEqualTo(new Expression.Literal(ValueKind.NUMBER, "1", null));
        assertThat(rf).isSameAs(m.callExpression(indexOf(m, "RF"))).as("read once, shared");

        Expression.Dict grid = (Expression.Dict) search.positional().get(1);
        assertThat(grid.entries()).containsOnlyKeys("clf__random_state");
        assertThat(grid.otherKeys()).isTrue();
        assertThat(grid.spreads()).containsExactly(new Expression.Name("extra"));
        assertThat(((Expression.Sequence) grid.entries().get("clf__random_state")).elements())
                .extracting(e -> ((Expression.Literal) e).kind()).containsExactly(ValueKind.NUMBER, ValueKind.NONE);

        assertThat(search.keywords().get("cv")).as("parenthesized").isEqualTo(
                new Expression.Literal(ValueKind.NUMBER, "5", null));
        assertThat(search.keywords().get("scoring")).as("an f-string has no plain value")
                .isEqualTo(new Expression.Literal(ValueKind.STRING, "f\"{x}\"", null));
        assertThat(search.keywords().get("n_jobs")).isEqualTo(new Expression.Literal(ValueKind.NUMBER, "-1", null));
        assertThat(search.hasDoubleStar()).isFalse();
        assertThat(search.argument(1, java.util.Set.of("param_grid"))).isSameAs(grid);
        assertThat(search.argument(0, java.util.Set.of("estimator"))).isSameAs(pipeline);
    }

    @Test
    void whatTheTreeDoesNotModelIsOther() {
        PythonModule m = PythonModule.parse("""
                f({k: v for k, v in x}, [i for i in y], a + b, x[0], lambda q: q, g(1)[0], (), {1, 2}, {}, **kw)
                """);
        Expression.Call f = m.callExpression(0);
        assertThat(f.positional()).containsExactly(Expression.OTHER, Expression.OTHER, Expression.OTHER,
                Expression.OTHER, Expression.OTHER, Expression.OTHER, new Expression.Sequence(List.of()),
                new Expression.Sequence(List.of(new Expression.Literal(ValueKind.NUMBER, "1", null),
                        new Expression.Literal(ValueKind.NUMBER, "2", null))),
                new Expression.Dict(java.util.Map.of(), List.of(), false));
        assertThat(f.hasDoubleStar()).isTrue();
    }

    @Test
    void assignedValuesComeFromAssignmentStatementsOnly() {
        PythonModule m = PythonModule.parse("""
                grid = {"random_state": [1]}
                a = b = dict(seed=[2])
                self.model = RF()
                typed: dict = {"x": 1}
                f = lambda x=1: x
                grid["more"] = [3]
                grid += other
                print(grid == {"no": 1})
                s = "grid = {}"
                # grid = {"comment": 1}
                def fit(model=RF()):
                    grid = [{"inner": 1}]
                x, y = 1, 2
                """);
        assertThat(m.assignedValues("grid")).hasSize(2);
        assertThat(((Expression.Dict) m.assignedValues("grid").get(0)).entries()).containsOnlyKeys("random_state");
        assertThat(m.assignedValues("grid").get(1)).isInstanceOf(Expression.Sequence.class);
        assertThat(m.assignedValues("a")).isEqualTo(m.assignedValues("b")).hasSize(1);
        assertThat(m.calls().get(((Expression.Call) m.assignedValues("a").get(0)).index()).callee()).isEqualTo("dict");
        assertThat(m.assignedValues("self.model")).singleElement().isInstanceOf(Expression.Call.class);
        assertThat(m.assignedValues("typed")).singleElement().isInstanceOf(Expression.Dict.class);
        assertThat(m.assignedValues("f")).containsExactly(Expression.OTHER);
        assertThat(m.assignedValues("x")).isEmpty();
        assertThat(m.assignedValues("model")).isEmpty();
        assertThat(m.assignedValues("s")).singleElement().extracting(e -> ((Expression.Literal) e).value())
                .isEqualTo("grid = {}");
    }

    @Test
    void deepOrBrokenInputStaysBounded() {
        String deep = "f(" + "[".repeat(20_000) + "]".repeat(20_000) + ")\nx = " + "(".repeat(20_000) + "\n";
        PythonModule m = PythonModule.parse(deep + "g(1, [2,\n");
        Expression e = m.callExpression(0).positional().get(0);
        int depth = 0;
        while (e instanceof Expression.Sequence s) {
            e = s.elements().get(0);
            depth++;
        }
        assertThat(e).isEqualTo(Expression.OTHER);
        assertThat(depth).as("cut off, not 20,000 deep").isBetween(1, ExpressionReader.MAX_DEPTH);
        assertThat(m.assignedValues("x")).containsExactly(Expression.OTHER);
        assertThat(m.callExpression(indexOf(m, "g")).positional()).as("unclosed: no arguments").isEmpty();
    }
}
