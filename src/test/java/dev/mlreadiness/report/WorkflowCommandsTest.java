package dev.mlreadiness.report;

import static dev.mlreadiness.engine.TestRules.ALWAYS_PASSES;
import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.SPACES;
import static dev.mlreadiness.engine.TestRules.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;

/** {@code --format github}: workflow commands as GitHub's runner parses them. */
class WorkflowCommandsTest {

    private static final DocsLinks LINKS = DocsLinks.online();

    @Test
    void aFullScanAnnotatesEveryFindingMostSevereFirstThenCounts() {
        String out = WorkflowCommands.render(ReportFixtures.fullScan(), LINKS);
        List<String> lines = out.lines().toList();
        assertThat(lines).containsExactly(
                "::error title=ml-readiness structure/test-license::Add a LICENSE file. (" + LINKS.rule(
                        "structure/test-license") + ")",
                "::warning file=src/a b.py,line=1,title=ml-readiness reproducibility/test-todo::"
                        + "Resolve the TODO. (" + LINKS.rule("reproducibility/test-todo") + ")",
                "::warning file=train.py,line=1,title=ml-readiness reproducibility/test-todo::Resolve the TODO. ("
                        + LINKS.rule("reproducibility/test-todo") + ")",
                "ml-readiness: 3 annotated (1 error, 2 warning, 0 notice) of 3 finding(s); result: failure "
                        + "(fail-on: error)");
    }

    @Test
    void aReviewOfAChangeAnnotatesOnlyWhatItAdds() {
        Report pr = ReportFixtures.pullRequest();
        assertThat(pr.existingFindings()).isNotEmpty();
        String out = WorkflowCommands.render(pr, LINKS);
        assertThat(out.lines().filter(l -> l.startsWith("::"))).hasSize(pr.newFindings().size())
                .noneMatch(l -> l.contains("old = 1"));
        assertThat(out).contains("::warning file=a.py,line=2,").contains("of " + pr.findings().size() + " finding");

        Report strict = TestRepo.create().file("LICENSE", "MIT\n").file("a.py", "old = 1  # TODO\n")
                .config("fail-on-existing: true\n").change().modify("a.py", "old = 1  # TODO\nnew = 2  # TODO\n")
                .evaluate(LICENSE, ALWAYS_PASSES, TODO);
        assertThat(WorkflowCommands.render(strict, LINKS).lines().filter(l -> l.startsWith("::")))
                .as("fail-on-existing makes old findings count, so they are annotated").hasSize(2);
    }

    @Test
    void messagesAndPropertiesAreEscapedSoNoTextStartsACommand() {
        assertThat(WorkflowCommands.data("100% done\r\n::error::x")).isEqualTo("100%25 done%0D%0A::error::x");
        assertThat(WorkflowCommands.property("a:b,c%d\ne")).isEqualTo("a%3Ab%2Cc%25d%0Ae");

        Report hostile = TestRepo.create().file("we,ird:na me%.py", "x = 1\n").file("LICENSE", "MIT\n")
                .scan(SPACES);
        String out = WorkflowCommands.render(hostile, LINKS);
        assertThat(out).contains("::warning file=we%2Cird%3Ana me%25.py,title=ml-readiness structure/test-spaces::");
        // one line per command: nothing from a file name can start a line of its own
        assertThat(out.lines()).allMatch(l -> l.startsWith("::warning ") || l.startsWith("ml-readiness: "));
    }

    @Test
    void overTenOfALevelTheCountLineSaysGitHubShowsTheFirstTen() {
        TestRepo repo = TestRepo.create().file("LICENSE", "MIT\n");
        for (int i = 0; i < 12; i++) {
            repo.file("f" + i + ".py", "# TODO\n");
        }
        String out = WorkflowCommands.render(repo.scan(LICENSE, TODO), LINKS);
        assertThat(out.lines().filter(l -> l.startsWith("::warning "))).hasSize(12);
        assertThat(out).contains("12 annotated (0 error, 12 warning, 0 notice)")
                .contains("GitHub shows the first 10 of each level per step, most severe first");
    }

    @Test
    void aRepositoryThatIsNotAnMlProjectSaysSo() {
        Report skipped = Report.notApplicable(dev.mlreadiness.engine.snapshot.Mode.FULL_SCAN, "not an ML project",
                dev.mlreadiness.engine.config.ReadinessConfig.defaults());
        assertThat(WorkflowCommands.render(skipped, LINKS)).isEqualTo("ml-readiness: not checked: not an ML project\n");
    }
}
