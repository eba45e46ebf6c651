package dev.mlreadiness.engine.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValueFlowTest {

    /** Seeds: names starting with {@code held}, strings equal to {@code "held"}; {@code train*} splits apart. */
    private static ValueFlow.Result trace(String source) {
        return ValueFlow.trace(PythonModule.parse(source), n -> n.startsWith("held"), s -> s.equals("held"),
                n -> n.startsWith("train"));
    }

    /** The callees of the calls that seeds reach. */
    private static List<String> reached(String source) {
        return trace(source).calls().stream().filter(ValueFlow.CallFlow::reached).map(c -> c.call().callee())
                .toList();
    }

    @Test
    void everyCallIsListedOnceInSourceOrder() {
        String source = "a = f(g(x))\nclass C(B):\n    def m(self, y):\n        return h(y)[0](z)\n";
        assertThat(trace(source).calls()).extracting(c -> c.call().callee())
                .containsExactlyElementsOf(PythonModule.parse(source).calls().stream().map(Call::callee).toList());
    }

    @Test
    void seedsReachEveryEnclosingCallButNotTheirNeighbours() {
        assertThat(reached("score(model.predict(held_x), y)\nscore(x, y)\n")).containsExactly("score", "model.predict");
        assertThat(reached("f(data['held'])\nf(data['other'])\n")).containsExactly("f");
    }

    @Test
    void assignmentsCarryAndClearTaint() {
        assertThat(reached("""
                df = load("held")
                X = df.drop(columns="y")
                score(X)
                X = other()
                score2(X)
                """)).containsExactly("load", "score");
        // chained, annotated and attribute targets
        assertThat(reached("a = b = held_x\nself.c: int = a\nf(b)\ng(self.c)\nh(c)\n")).containsExactly("f", "g");
    }

    @Test
    void augmentedAssignmentsAndAppendsOnlyAdd() {
        assertThat(reached("""
                total = 0
                total += held_x
                total += 1
                f(total)
                preds.append(model(held_x))
                g(preds)
                """)).containsExactly("f", "preds.append", "model", "g");
    }

    @Test
    void tupleTargetsAndLoopTargets() {
        // a tuple takes the whole value, unless a name says the value is split apart
        assertThat(reached("a, b = held_batch\nf(a)\ntrain_a, c = split(held_x)\ng(c)\n"))
                .containsExactly("f", "split");
        // element by element when both sides are plain
        assertThat(reached("x, y = x.to(d), held_y.to(d)\nf(x)\ng(y)\n")).containsExactly("g");
        assertThat(reached("for x, (y, z) in held_loader:\n    g(z)\n")).containsExactly("g");
        // a loop over anything else clears its targets
        assertThat(reached("for x in held_loader:\n    pass\nfor x in other:\n    f(x)\n")).isEmpty();
    }

    @Test
    void withAsAndComprehensionTargets() {
        assertThat(reached("with open('held') as fh:\n    f(fh)\n")).containsExactly("open", "f");
        assertThat(reached("m = mean([loss(p, t) for p, t in held_loader])\nloss(p, t)\n"))
                .containsExactly("mean", "loss");
    }

    @Test
    void keywordNamesCommentsAndDocstringsAreNoSeeds() {
        assertThat(reached("""
                '''held'''
                f(held_size=3)  # g(held_x)
                h("not held")
                """)).isEmpty();
        assertThat(reached("f(size=held_size)\n")).containsExactly("f");
        // a function named like a seed returns no seeded value: `loss = test(model, train_mask)`
        assertThat(reached("x = held_fn(a)\nf(x)\ng(held_fn(a))\n")).isEmpty();
    }

    @Test
    void bindingsReportTargetsReachAndValueCalls() {
        ValueFlow.Result r = trace("""
                loss = criterion(out, held_y)
                n, m = pair
                for a in b:
                    d[k] = 3
                acc += compute(x)
                """);
        assertThat(r.bindings()).extracting(ValueFlow.Binding::targets, ValueFlow.Binding::line,
                ValueFlow.Binding::reached).containsExactly(
                        tuple(List.of("loss"), 1, true), tuple(List.of("n", "m"), 2, false),
                        tuple(List.of("a"), 3, false), tuple(List.of("acc"), 5, false));
        assertThat(r.bindings().get(0).valueCalls()).extracting(Call::callee).containsExactly("criterion");
    }

    @Test
    void lambdasAndCompoundStatementsOnOneLine() {
        assertThat(reached("f = lambda x=held_x: x\nif ok: g(held_x)\nelse: h(y)\n")).containsExactly("g");
        assertThat(reached("for x in held_loader: f(x)\n")).containsExactly("f");
    }

    @Test
    void brokenAndHostileInputStaysLinear() {
        assertThat(reached("f(held_x\ng(y)\n")).contains("f");
        String deep = "f(".repeat(2_000) + "held_x" + ")".repeat(2_000) + "\n";
        assertThat(reached(deep)).hasSize(2_000);
        String longChain = "a = held_x\nx = " + "c.".repeat(20_000) + "b\nf(x)\n";
        assertThat(reached(longChain)).isEmpty();
        String comprehensions = "[" + "for ".repeat(20_000) + "]\n";
        assertThat(trace(comprehensions).calls()).isEmpty();
    }

    @Test
    void headersSharingOneLineAreTracedAsOneStatement() {
        // `else: else: ...` on one line: each header used to look for the line's end again (quadratic in the line)
        String line = "else: ".repeat(20_000) + "score(held_x)\n";
        assertThat(reached(line + "score(x)\n")).containsExactly("score");
    }
}
