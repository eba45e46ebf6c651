package dev.mlreadiness.engine;

import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.SPACES;
import static dev.mlreadiness.engine.TestRules.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rules.structure.ReadmeRule;
import dev.mlreadiness.engine.snapshot.EvaluationInput;

class RulesTest {

    private final Rules rules = new Rules(TestRules.checklist(true, LICENSE, SPACES, TODO));

    @Test
    void listsInCatalogOrderAndIdsSorted() {
        assertThat(rules.list()).containsExactly(LICENSE, SPACES, TODO);
        assertThat(rules.infos()).extracting(RuleInfo::id)
                .containsExactly("structure/test-license", "structure/test-spaces", "reproducibility/test-todo");
        assertThat(rules.ids())
                .containsExactly("reproducibility/test-todo", "structure/test-license", "structure/test-spaces");
    }

    @Test
    void findsARuleByItsExactIdOnly() {
        assertThat(rules.find("structure/test-spaces")).contains(SPACES);
        assertThat(rules.find("structure/test-space")).isEmpty();
        assertThat(rules.find("STRUCTURE/TEST-SPACES")).isEmpty();
    }

    @Test
    void suggestsCloseIdsForAMisspeltOneAndNoneForAStranger() {
        assertThat(rules.closest("structure/test-licence"))
                .containsExactly("structure/test-license", "structure/test-spaces");
        assertThat(rules.closest("zzz")).isEmpty();
    }

    @Test
    void theStandardSetIsTheCatalogWithMlDetection() {
        Rules standard = RuleCatalog.standard();
        assertThat(standard.list()).isEqualTo(RuleCatalog.rules());
        assertThat(standard.ids()).hasSize(RuleCatalog.rules().size()).contains("structure/readme");
        assertThat(standard.find("structure/readme")).get().isInstanceOf(ReadmeRule.class);
        // without config, a folder without any ML sign is not checked: the detector is the spec's, not a test's
        Report web = TestRepo.create().noConfig().file("requirements.txt", "flask==3.0.0\n")
                .scan(standard.checklist());
        assertThat(web.applicable()).isFalse();
        Report ml = TestRepo.create().noConfig().file("requirements.txt", "scikit-learn==1.5.0\n")
                .scan(standard.checklist());
        assertThat(ml.applicable()).isTrue();
    }

    /** A supplier of the three test rules that counts how often it is asked. */
    private static final class Counting implements Supplier<List<Rule>> {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public List<Rule> get() {
            asked.incrementAndGet();
            return List.of(LICENSE, SPACES, TODO);
        }
    }

    private final Counting supplier = new Counting();
    private final Rules lazy = Rules.detectingMlProjects(supplier);
    private final Rules eager = Rules.detectingMlProjects(List.of(LICENSE, SPACES, TODO));

    @Test
    void rulesGivenLazilyAreTheSupplierSInItsOrderBuiltOnce() {
        assertThat(supplier.asked).as("nothing built before it is needed").hasValue(0);
        assertThat(lazy.list()).isEqualTo(eager.list()).containsExactly(LICENSE, SPACES, TODO);
        assertThat(lazy.infos()).isEqualTo(eager.infos());
        assertThat(lazy.ids()).isEqualTo(eager.ids());
        assertThat(lazy.find("structure/test-spaces")).contains(SPACES);
        assertThat(lazy.closest("structure/test-licence")).isEqualTo(eager.closest("structure/test-licence"));
        assertThat(lazy.checklist()).isSameAs(lazy.checklist());
        assertThat(supplier.asked).hasValue(1);
    }

    @Test
    void aTreeThatIsNotAnMlProjectIsReportedWithoutBuildingTheRules() {
        TestRepo web = TestRepo.create().noConfig().file("requirements.txt", "flask==3.0.0\n");

        EvaluationInput full = web.scanInput(eager.checklist());
        Report report = lazy.evaluate(full);
        assertThat(report.applicable()).isFalse();
        assertThat(report).isEqualTo(eager.checklist().evaluate(full));
        EvaluationInput change = web.change().add("app.py", "print(1)\n").input(eager.checklist());
        assertThat(lazy.evaluate(change)).isEqualTo(eager.checklist().evaluate(change));
        assertThat(supplier.asked).hasValue(0);
    }

    @Test
    void anMlProjectIsEvaluatedAsTheChecklistEvaluatesIt() {
        EvaluationInput ml = TestRepo.create().noConfig().file("requirements.txt", "scikit-learn==1.5.0\n")
                .file("my notes.py", "# TODO\n").scanInput(eager.checklist());

        Report report = lazy.evaluate(ml);
        assertThat(report.applicable()).isTrue();
        assertThat(report.findings()).hasSize(3);
        assertThat(report).isEqualTo(eager.checklist().evaluate(ml));
        assertThat(eager.evaluate(ml)).isEqualTo(report);
        assertThat(supplier.asked).hasValue(1);
    }

    @Test
    void applicabilityIsDecidedOnceWhenTheRulesAreBuiltForIt() {
        AtomicInteger decisions = new AtomicInteger();
        Rules counted = Rules.lazy(supplier, ctx -> {
            decisions.incrementAndGet();
            return ctx.snapshot().exists("model.py") ? Optional.of("has model.py") : Optional.empty();
        });
        EvaluationInput ml = TestRepo.create().noConfig().file("model.py", "# TODO\n").scanInput(eager.checklist());
        assertThat(counted.evaluate(ml).applicable()).isTrue();
        assertThat(decisions).as("once before the rules were built, not again inside the checklist").hasValue(1);
        assertThat(counted.evaluate(ml).applicable()).isTrue();
        assertThat(decisions).hasValue(2);
    }
}
