package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.code.CodeEvidence;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.EvaluationInput;

/**
 * Every rule reads only the files its {@link Rule#reads()} selector gives, so the checklist's one-batch prefetch
 * is all it needs: each rule of the catalog alone (see {@link DeclaredReads}) over the example project and the
 * realistic repositories, in a full scan and in pull requests that change, add or delete every file.
 */
class DeclaredReadsTest {

    private static final Checklist CATALOG = RuleCatalog.checklist();

    @Test
    void everyRuleOfTheCatalogReadsOnlyTheFilesItSelects() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> reading = new TreeSet<>();
        int runs = 0;
        for (Map.Entry<String, EvaluationInput> in : inputs().entrySet()) {
            for (Rule rule : CATALOG.rules()) {
                runs++;
                DeclaredReads.Audit audit = DeclaredReads.audit(rule, in.getValue());
                audit.problems().forEach(p -> problems.add(in.getKey() + ", " + rule.info().id() + ": " + p));
                if (audit.read() > 0) {
                    reading.add(rule.info().id());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(runs).isEqualTo(10 * 4 * 34);
        Set<String> judgeNamesOnly = Set.of("structure/file-naming", "structure/notebook-location");
        assertThat(reading).as("every rule that reads files read some here").hasSize(32)
                .doesNotContainAnyElementsOf(judgeNamesOnly);
    }

    /** The ML-project detector declares its reads the same way ({@link ProjectDetector#reads}). */
    @Test
    void theMlProjectDetectorReadsOnlyTheFilesItDeclares() throws IOException {
        MlProjectDetector detector = new MlProjectDetector();
        Rule asRule = rule(Scope.REPOSITORY, detector::reads, (ctx, out) -> detector.evidence(ctx));
        List<String> problems = new ArrayList<>();
        int read = 0;
        for (Map.Entry<String, EvaluationInput> in : inputs().entrySet()) {
            DeclaredReads.Audit audit = DeclaredReads.audit(asRule, in.getValue());
            audit.problems().forEach(p -> problems.add(in.getKey() + ": " + p));
            read += audit.read();
        }
        assertThat(problems).isEmpty();
        assertThat(read).isPositive();
    }

    /**
     * The example project and the realistic repositories, each in a full scan and in pull requests that change,
     * add and delete every file.
     */
    private static Map<String, EvaluationInput> inputs() throws IOException {
        Map<String, Supplier<TestRepo>> repositories = new LinkedHashMap<>();
        TestRepo example = example();
        repositories.put("examples/churn-model", () -> example);
        repositories.put("well-documented", RealisticRepositoriesTest::wellDocumented);
        repositories.put("served-model", RealisticRepositoriesTest::servedModel);
        repositories.put("notebook-only", RealisticRepositoriesTest::notebookOnly);
        repositories.put("cookiecutter", RealisticRepositoriesTest::cookiecutter);
        repositories.put("kaggle", RealisticRepositoriesTest::kaggleCompetition);
        repositories.put("fastapi-service", RealisticRepositoriesTest::fastApiService);
        repositories.put("web-service", RealisticRepositoriesTest::webService);
        repositories.put("hugging-face-model", RealisticRepositoriesTest::huggingFaceModel);
        repositories.put("odd-files", RealisticRepositoriesTest::oddFiles);
        Map<String, EvaluationInput> inputs = new LinkedHashMap<>();
        repositories.forEach((name, repo) -> {
            inputs.put(name + ", full scan", repo.get().scanInput(CATALOG));
            inputs.put(name + ", pull request changing every file", repo.get().changeEveryFile().input(CATALOG));
            inputs.put(name + ", pull request adding every file", repo.get().addEveryFile().input(CATALOG));
            inputs.put(name + ", pull request deleting every file", repo.get().deleteEveryFile().input(CATALOG));
        });
        return inputs;
    }

    /** The test sees what it claims to: the rules read files on both sides of these inputs. */
    @Test
    void theInputsMakeRulesReadOnBothSides() {
        EvaluationInput in = RealisticRepositoriesTest.wellDocumented().changeEveryFile().input(CATALOG);
        Checklist.Reads reads = CATALOG.reads(in);
        assertThat(reads.head()).contains("README.md", "requirements.txt", "src/churn/train.py");
        assertThat(reads.base()).contains("README.md", "requirements.txt", "src/churn/train.py");
    }

    @Test
    void aRuleReadingAFileItDidNotSelectIsCaught() {
        Rule wrong = rule(Scope.REPOSITORY, ctx -> List.of("README.md"), (ctx, out) -> {
            ctx.text("README.md");
            ctx.text("LICENSE");
        });
        assertThat(DeclaredReads.problems(wrong, repo().scanInput(CATALOG)))
                .containsExactly("head: LICENSE read but not selected");
    }

    @Test
    void aRuleThatSelectsWhatItReadsPasses() {
        Rule right = rule(Scope.REPOSITORY, ctx -> List.of("README.md", "LICENSE"), (ctx, out) -> {
            ctx.text("README.md");
            ctx.text("LICENSE");
        });
        assertThat(DeclaredReads.problems(right, repo().scanInput(CATALOG))).isEmpty();
        assertThat(DeclaredReads.problems(right, repo().changeEveryFile().input(CATALOG))).isEmpty();
    }

    @Test
    void aSharedFactReadForARuleCountsAsItsRead() {
        Rule usesEvidence = rule(Scope.REPOSITORY, FileSelector.none(), (ctx, out) -> CodeEvidence.of(ctx));
        assertThat(DeclaredReads.problems(usesEvidence, repo().scanInput(CATALOG)))
                .containsExactly("head: train.py read but not selected");
        Rule declaresIt = rule(Scope.REPOSITORY, CodeEvidence::files, (ctx, out) -> CodeEvidence.of(ctx));
        assertThat(DeclaredReads.problems(declaresIt, repo().scanInput(CATALOG))).isEmpty();
    }

    /** A line rule runs on the base side of a pull request too: what it reads there is checked against the base. */
    @Test
    void readsOfTheBaseSideAreCheckedAgainstWhatTheBaseSelects() {
        Rule headOnly = rule(Scope.LINE, ctx -> ctx.side() == RuleContext.Side.HEAD ? List.of("train.py")
                : List.of(), (ctx, out) -> ctx.text("train.py"));
        assertThat(DeclaredReads.problems(headOnly, repo().changeEveryFile().input(CATALOG)))
                .containsExactly("base: train.py read but not selected");
        Rule fileRule = rule(Scope.FILE, ctx -> ctx.side() == RuleContext.Side.HEAD ? List.of("train.py")
                : List.of(), (ctx, out) -> ctx.text("train.py"));
        assertThat(DeclaredReads.problems(fileRule, repo().changeEveryFile().input(CATALOG)))
                .as("file rules never run on the base side").isEmpty();
    }

    @Test
    void aSelectorThatReadsFilesIsCaught() {
        Rule readsToChoose = rule(Scope.REPOSITORY,
                ctx -> ctx.text("README.md").map(t -> List.of("README.md")).orElse(List.of()),
                (ctx, out) -> ctx.text("README.md"));
        assertThat(DeclaredReads.problems(readsToChoose, repo().scanInput(CATALOG)))
                .containsExactly("head: README.md read while choosing the files to read");
    }

    private static TestRepo repo() {
        return TestRepo.create().file("README.md", "# Churn\n").file("LICENSE", "MIT\n")
                .file("train.py", "from sklearn.linear_model import LogisticRegression\n"
                        + "LogisticRegression().fit(X, y)\n");
    }

    private interface Check {
        void check(RuleContext ctx, Findings out);
    }

    private static Rule rule(Scope scope, FileSelector reads, Check check) {
        RuleInfo info = new RuleInfo("structure/test-reads", "Reads", Severity.NOTICE, scope,
                TestRules.doc("Reads files."));
        return new Rule() {
            @Override
            public RuleInfo info() {
                return info;
            }

            @Override
            public FileSelector reads() {
                return reads;
            }

            @Override
            public void check(RuleContext ctx, Findings out) {
                check.check(ctx, out);
            }
        };
    }

    /** {@code examples/churn-model} as the README's first command reads it. */
    private static TestRepo example() throws IOException {
        Path root = Path.of("examples/churn-model");
        TestRepo repo = TestRepo.create().noConfig();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                repo.file(root.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return repo;
    }
}
