package dev.mlreadiness.engine;

import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.SPACES;
import static dev.mlreadiness.engine.TestRules.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rules.structure.ReadmeRule;

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
}
