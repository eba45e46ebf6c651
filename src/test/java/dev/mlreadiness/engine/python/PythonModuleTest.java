package dev.mlreadiness.engine.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

class PythonModuleTest {

    private static Call onlyCall(PythonModule module, String callee) {
        List<Call> matching = module.calls().stream().filter(c -> c.callee().equals(callee)).toList();
        assertThat(matching).as("calls of " + callee).hasSize(1);
        return matching.get(0);
    }

    @Test
    void codeTokensDroppedByTheCollectorAreMadeAgainTheSame() {
        String source = """
                \"\"\"Module.\"\"\"
                import numpy as np  # comment

                def fit(x, held_out):
                    \"\"\"Fits.\"\"\"
                    return np.mean(x), score(held_out)


                class Model:
                    def validation_step(self, batch):
                        return (batch,
                                1)
                """;
        PythonModule kept = PythonModule.parse(source);
        PythonModule dropped = PythonModule.parse(source);
        CodeTokens first = kept.code();
        assertThat(kept.code()).isSameAs(first);
        dropped.forgetCode();
        CodeTokens again = dropped.code();
        assertThat(again).isNotSameAs(first);
        assertThat(again.size()).isEqualTo(first.size());
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).isEqualTo(first.get(i));
            assertThat(again.match(i)).isEqualTo(first.match(i));
            assertThat(again.depth(i)).isEqualTo(first.depth(i));
            assertThat(again.logicalLineStart(i)).isEqualTo(first.logicalLineStart(i));
        }
        dropped.forgetCode();
        assertThat(Definitions.of(dropped)).isEqualTo(Definitions.of(kept));
        dropped.forgetCode();
        assertThat(Definitions.hasModuleDocstring(dropped)).isTrue();
        dropped.forgetCode();
        assertThat(dropped.definitionLine("validation_step")).isEqualTo(10);
        assertThat(kept.definitionLine("fit")).isEqualTo(4);
        assertThat(kept.definitionLine("score")).isEqualTo(-1);
        dropped.forgetCode();
        ValueFlow.Result flow = ValueFlow.trace(dropped, n -> n.startsWith("held"), s -> false, n -> false);
        assertThat(flow.calls()).extracting(c -> c.call().callee(), ValueFlow.CallFlow::reached)
                .containsExactly(tuple("np.mean", false), tuple("score", true));
    }

    @Test
    void importsOfEveryShape() {
        PythonModule module = PythonModule.parse("""
                import numpy as np
                import os, a.b.c
                import a.b as ab
                from sklearn.model_selection import train_test_split as tts, KFold
                from x import (a,
                    b as c,
                )
                from . import utils
                from ..pkg.mod import helper
                from ...deep import thing
                from star import *
                """);
        assertThat(module.imports()).extracting(Import::module, Import::name, Import::alias, Import::line)
                .containsExactly(
                        tuple("numpy", null, "np", 1),
                        tuple("os", null, "os", 2),
                        tuple("a.b.c", null, "a", 2),
                        tuple("a.b", null, "ab", 3),
                        tuple("sklearn.model_selection", "train_test_split", "tts", 4),
                        tuple("sklearn.model_selection", "KFold", "KFold", 4),
                        tuple("x", "a", "a", 5),
                        tuple("x", "b", "c", 6),
                        tuple(".", "utils", "utils", 8),
                        tuple("..pkg.mod", "helper", "helper", 9),
                        tuple("...deep", "thing", "thing", 10),
                        tuple("star", "*", null, 11));
    }

    @Test
    void importWordsThatAreNotImportStatementsAreIgnored() {
        PythonModule module = PythonModule.parse("""
                def gen():
                    yield from items
                raise ValueError() from err
                s = "import os"  # import sys
                if ok: import json
                """);
        assertThat(module.imports()).extracting(Import::module, Import::alias)
                .containsExactly(tuple("json", "json"));
    }

    @Test
    void resolveGoesThroughAliases() {
        PythonModule module = PythonModule.parse("""
                import numpy as np
                import a.b.c
                import a.b as ab
                from sklearn.model_selection import train_test_split as tts
                from sklearn.ensemble import RandomForestClassifier
                from .models import Net
                """);
        assertThat(module.resolve("np.random.rand")).isEqualTo("numpy.random.rand");
        assertThat(module.resolve("tts")).isEqualTo("sklearn.model_selection.train_test_split");
        assertThat(module.resolve("RandomForestClassifier")).isEqualTo("sklearn.ensemble.RandomForestClassifier");
        assertThat(module.resolve("ab.d")).isEqualTo("a.b.d");
        assertThat(module.resolve("a.b.c.f")).isEqualTo("a.b.c.f");
        assertThat(module.resolve("Net")).isEqualTo(".models.Net");
        assertThat(module.resolve("npx.random")).isEqualTo("npx.random");
        assertThat(module.resolve("random.seed")).isEqualTo("random.seed");
        assertThat(module.resolve("?.sample")).isEqualTo("?.sample");
    }

    @Test
    void callsCarryCalleeQualifiedAndSimpleNames() {
        PythonModule module = PythonModule.parse("""
                import numpy as np
                from sklearn.model_selection import train_test_split as tts
                np.random.seed(0)
                X_train, X_test = tts(X, y)
                """);
        assertThat(module.calls()).extracting(Call::callee, Call::qualifiedName, Call::simpleName, Call::line)
                .containsExactly(
                        tuple("np.random.seed", "numpy.random.seed", "seed", 3),
                        tuple("tts", "sklearn.model_selection.train_test_split", "tts", 4));
    }

    @Test
    void multiLineCallIsReportedOnTheCalleeLine() {
        PythonModule module = PythonModule.parse("""
                model = (
                    sklearn.ensemble
                    .RandomForestClassifier(
                        n_estimators=100,
                        max_depth=None,
                    )
                )
                """);
        Call call = onlyCall(module, "sklearn.ensemble.RandomForestClassifier");
        assertThat(call.line()).isEqualTo(3);
        assertThat(call.endLine()).isEqualTo(6);
        assertThat(call.keywords().keySet()).containsExactly("n_estimators", "max_depth");
        assertThat(call.keyword("n_estimators")).isEqualTo(new Argument("100", ValueKind.NUMBER, 4));
    }

    @Test
    void keywordValueKinds() {
        PythonModule module = PythonModule.parse("""
                train_test_split(X, y, test_size=0.2, random_state=None, shuffle=True, stratify=False,
                    seed=SEED, cfg=config.seed, rng=np.random.default_rng(0), name="run", neg=-1,
                    expr=SEED + 1, items=[1, 2], fn=lambda x: x, sub=cfg["seed"], chained=a(1).b(2),
                    joined="a" "b")
                """);
        Call call = onlyCall(module, "train_test_split");
        assertThat(call.keywords()).hasSize(15);
        assertThat(call.keywords().values()).extracting(Argument::text, Argument::kind)
                .containsExactly(
                        tuple("0.2", ValueKind.NUMBER),
                        tuple("None", ValueKind.NONE),
                        tuple("True", ValueKind.TRUE),
                        tuple("False", ValueKind.FALSE),
                        tuple("SEED", ValueKind.NAME),
                        tuple("config.seed", ValueKind.NAME),
                        tuple("np.random.default_rng(0)", ValueKind.CALL),
                        tuple("\"run\"", ValueKind.STRING),
                        tuple("-1", ValueKind.NUMBER),
                        tuple("SEED + 1", ValueKind.OTHER),
                        tuple("[1, 2]", ValueKind.OTHER),
                        tuple("lambda x: x", ValueKind.OTHER),
                        tuple("cfg[\"seed\"]", ValueKind.OTHER),
                        tuple("a(1).b(2)", ValueKind.CALL),
                        tuple("\"a\" \"b\"", ValueKind.STRING));
        assertThat(call.keyword("seed").line()).isEqualTo(2);
        assertThat(call.positional()).extracting(Argument::text, Argument::kind)
                .containsExactly(tuple("X", ValueKind.NAME), tuple("y", ValueKind.NAME));
        assertThat(call.hasDoubleStar()).isFalse();
        assertThat(call.hasStar()).isFalse();
    }

    @Test
    void argumentTextIsWhitespaceNormalisedAndDropsComments() {
        PythonModule module = PythonModule.parse("""
                f(a +   b,  # why
                  g( x ,
                     y ))
                """);
        assertThat(onlyCall(module, "f").positional()).extracting(Argument::text, Argument::kind, Argument::line)
                .containsExactly(tuple("a + b", ValueKind.OTHER, 1), tuple("g( x , y )", ValueKind.CALL, 2));
    }

    @Test
    void starAndDoubleStarArguments() {
        PythonModule module = PythonModule.parse("""
                RandomForestClassifier(**params)
                KMeans(*args, n_clusters=3)
                PCA(n_components=2)
                """);
        Call forest = onlyCall(module, "RandomForestClassifier");
        assertThat(forest.hasDoubleStar()).isTrue();
        assertThat(forest.hasStar()).isFalse();
        assertThat(forest.positional()).isEmpty();
        assertThat(forest.keywords()).isEmpty();
        Call kmeans = onlyCall(module, "KMeans");
        assertThat(kmeans.hasStar()).isTrue();
        assertThat(kmeans.hasDoubleStar()).isFalse();
        assertThat(kmeans.positional()).isEmpty();
        assertThat(kmeans.keywords().keySet()).containsExactly("n_clusters");
        Call pca = onlyCall(module, "PCA");
        assertThat(pca.hasStar()).isFalse();
        assertThat(pca.hasDoubleStar()).isFalse();
    }

    @Test
    void methodChainsOnCallsAndSubscriptsHaveUnknownReceiver() {
        PythonModule module = PythonModule.parse("""
                import pandas as pd
                sample = pd.read_csv(path).sample(frac=0.1)
                col = df["a"].sample(5)
                s = ", ".join(parts)
                handler(x)(y)
                df.sample(n=3)
                """);
        assertThat(module.calls()).extracting(Call::callee, Call::qualifiedName, Call::simpleName, Call::line)
                .containsExactly(
                        tuple("pd.read_csv", "pandas.read_csv", "read_csv", 2),
                        tuple("?.sample", "?.sample", "sample", 2),
                        tuple("?.sample", "?.sample", "sample", 3),
                        tuple("?.join", "?.join", "join", 4),
                        tuple("handler", "handler", "handler", 5),
                        tuple("?", "?", "?", 5),
                        tuple("df.sample", "df.sample", "sample", 6));
    }

    @Test
    void nestedCallsAreAllReportedOuterFirst() {
        PythonModule module = PythonModule.parse("model.fit(scaler.transform(load(path)), y)\n");
        assertThat(module.calls()).extracting(Call::callee)
                .containsExactly("model.fit", "scaler.transform", "load");
        assertThat(onlyCall(module, "model.fit").positional()).extracting(Argument::text)
                .containsExactly("scaler.transform(load(path))", "y");
    }

    @Test
    void definitionsAndClassBasesAreNotCallsButDecoratorsAndDefaultsAre() {
        PythonModule module = PythonModule.parse("""
                @app.route("/predict", methods=["POST"])
                @staticmethod
                def predict(x, rng=np.random.default_rng(0)):
                    return x
                class Model(Base, metaclass=Meta):
                    async def run(self):
                        pass
                """);
        assertThat(module.calls()).extracting(Call::callee, Call::line)
                .containsExactly(tuple("app.route", 1), tuple("np.random.default_rng", 3));
        assertThat(module.definedFunctions()).containsExactlyInAnyOrder("predict", "run");
    }

    @Test
    void keywordsBeforeParenthesesAreNotCallsButPrintIs() {
        PythonModule module = PythonModule.parse("""
                if (a and b):
                    print (a)
                while not (done):
                    x = lambda: (1)
                    assert (x), "msg"
                    return (yield (z))
                for i in (range(3)):
                    pass
                """);
        assertThat(module.calls()).extracting(Call::callee, Call::line)
                .containsExactly(tuple("print", 2), tuple("range", 7));
    }

    @Test
    void matchAndCaseStatementsAreNotCallsButReMatchIs() {
        PythonModule module = PythonModule.parse("""
                match (command):
                    case (x, y):
                        pass
                m = re.match(pattern, s)
                match(a, b)
                """);
        assertThat(module.calls()).extracting(Call::callee, Call::line)
                .containsExactly(tuple("re.match", 4), tuple("match", 5));
    }

    @Test
    void namesInsideStringsCommentsAndDocstringsAreNotCalls() {
        PythonModule module = PythonModule.parse("""
                \"\"\"Module doc: call np.random.seed(0) first.\"\"\"
                # train_test_split(X, y)
                def f():
                    '''Uses random.shuffle(items).'''
                    s = "KMeans(n_clusters=3)"
                    t = f'{x} shuffle(y)'
                    return s
                """);
        assertThat(module.calls()).isEmpty();
        assertThat(module.comments()).extracting(Token::text, Token::line)
                .containsExactly(tuple("# train_test_split(X, y)", 2));
    }

    @Test
    void callsInsideFStringFieldsAreNotReported() {
        // An f-string is one token: its fields are approximated as string content.
        PythonModule module = PythonModule.parse("msg = f\"{np.random.rand()}\"\n");
        assertThat(module.calls()).isEmpty();
    }

    @Test
    void stringsAndDocstrings() {
        PythonModule module = PythonModule.parse("""
                "module doc"
                import os
                DATA = "/Users/me/data.csv"
                class A:
                    r'''class doc'''
                    def m(self): "method doc"
                    def n(self) -> "Ret":
                        x = 1
                        "not a docstring"
                "not a docstring either"
                f(path="C:/tmp")
                x: "annotation"
                def g(): return lambda: "lambda body"
                """);
        assertThat(module.strings()).extracting(StringLiteral::value, StringLiteral::line, StringLiteral::column,
                StringLiteral::docstring)
                .containsExactly(
                        tuple("module doc", 1, 1, true),
                        tuple("/Users/me/data.csv", 3, 8, false),
                        tuple("class doc", 5, 5, true),
                        tuple("method doc", 6, 18, true),
                        tuple("Ret", 7, 20, false),
                        tuple("not a docstring", 9, 9, false),
                        tuple("not a docstring either", 10, 1, false),
                        tuple("C:/tmp", 11, 8, false),
                        tuple("annotation", 12, 4, false),
                        tuple("lambda body", 13, 25, false));
    }

    @Test
    void stringThatStartsAnExpressionIsNotADocstring() {
        PythonModule module = PythonModule.parse("\"a\" + b\ndef f():\n    \"x\".join(y)\n");
        assertThat(module.strings()).extracting(StringLiteral::value, StringLiteral::docstring)
                .containsExactly(tuple("a", false), tuple("x", false));
    }

    @Test
    void brokenSourceNeverThrowsAndKeepsReadingLaterLines() {
        PythonModule module = PythonModule.parse("x = 'unterminated(\nf(]\ng(1, key=)\nh(\n");
        assertThat(module.calls()).extracting(Call::callee, Call::line, Call::endLine)
                .containsExactly(tuple("f", 2, 2), tuple("g", 3, 3), tuple("h", 4, 4));
        assertThat(onlyCall(module, "g").positional()).extracting(Argument::text).containsExactly("1");
        assertThat(onlyCall(module, "g").keywords()).isEmpty();
    }

    @Test
    void unclosedCallsKeepTheArgumentsOfTheirOwnLine() {
        PythonModule module = PythonModule.parse("f(a,\ng(b,\nh(c\n");
        assertThat(module.calls()).extracting(Call::callee, Call::line, Call::endLine,
                c -> c.positional().stream().map(Argument::text).toList())
                .containsExactly(tuple("f", 1, 1, List.of("a")), tuple("g", 2, 2, List.of("b")),
                        tuple("h", 3, 3, List.of("c")));
    }

    @Test
    void emptySource() {
        PythonModule module = PythonModule.parse("");
        assertThat(module.imports()).isEmpty();
        assertThat(module.calls()).isEmpty();
        assertThat(module.strings()).isEmpty();
        assertThat(module.comments()).isEmpty();
        assertThat(module.definedFunctions()).isEmpty();
    }

    @Test
    void aCalleeKeepsAtMostItsLastPartsBehindAnUnknownReceiver() {
        PythonModule module = PythonModule.parse("a" + ".b".repeat(100) + ".fit()\n");
        String callee = module.calls().get(0).callee();
        assertThat(callee).startsWith("?.").endsWith(".b.fit");
        assertThat(callee.substring(2).split("\\.")).hasSize(CallReader.MAX_CALLEE_PARTS);
    }
}
