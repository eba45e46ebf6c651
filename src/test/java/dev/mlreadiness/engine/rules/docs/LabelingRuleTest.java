package dev.mlreadiness.engine.rules.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

class LabelingRuleTest {

    private static final String TRAIN = "from sklearn.linear_model import LogisticRegression\n"
            + "model = LogisticRegression().fit(X, y)\n";

    @Test
    void classifierWithoutLabelingSectionIsReported() {
        Report r = TestRepo.create().file("README.md", "# X\n\nIntro.\n").file("train.py", TRAIN)
                .scan(new LabelingRule());
        assertThat(r.findings()).extracting(Finding::ruleId, Finding::path, Finding::message).containsExactly(tuple(
                "docs/labeling", "README.md", "Add a `## Labeling` section to README.md (or DATASHEET.md, "
                        + "data/README.md or a page under docs/) that says how the target labels were made (source, "
                        + "rules or annotators, known noise) and how that changed."));
    }

    @Test
    void targetSectionPasses() {
        Report r = TestRepo.create()
                .file("README.md", "# X\n\n## Target variable\n\n`churned`: cancelled in 30 days.\n")
                .file("train.py", TRAIN).scan(new LabelingRule());
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void regressionOrAClassifierOnlyInACommentIsNotApplicable() {
        Report r = TestRepo.create().file("README.md", "# X\n")
                .file("train.py", "from sklearn.linear_model import LinearRegression\n"
                        + "LinearRegression().fit(X, y)  # LogisticRegression next\n")
                .scan(new LabelingRule());
        assertThat(r.findings()).isEmpty();
        assertThat(r.scores()).isEmpty();
    }

    @Test
    void inflectedAndWiderHeadingsPassButLongerWordsDoNot() {
        for (String heading : List.of("Labelled data", "How we annotated", "Classes", "Outcome")) {
            Report r = TestRepo.create().file("README.md", "# X\n\n## " + heading + "\n\n1 = cancelled.\n")
                    .file("train.py", TRAIN).scan(new LabelingRule());
            assertThat(r.findings()).as(heading).isEmpty();
        }
        Report r = TestRepo.create().file("README.md", "# X\n\n## Classification report\n\nSee below.\n")
                .file("train.py", TRAIN).scan(new LabelingRule());
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("docs/labeling");
    }
}
