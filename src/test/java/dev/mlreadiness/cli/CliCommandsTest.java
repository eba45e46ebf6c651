package dev.mlreadiness.cli;

import static dev.mlreadiness.engine.TestRules.LICENSE;
import static dev.mlreadiness.engine.TestRules.SPACES;
import static dev.mlreadiness.engine.TestRules.TODO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.TestRules;
import dev.mlreadiness.report.MarkdownReport;

/** {@code readiness rules}, {@code explain}, {@code --help} and {@code --version}. */
class CliCommandsTest {

    private static final Checklist RULES = TestRules.checklist(true, LICENSE, SPACES, TODO);

    @Test
    void rulesListsIdSeverityAndTitleInCatalogOrder() {
        CliRun r = CliRun.of(RULES, "rules");
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEqualTo("""
                structure/test-license     error    License file
                structure/test-spaces      warning  No spaces in names
                reproducibility/test-todo  warning  No TODO
                """);
    }

    /** GitHub cuts long reports; the note that says so names a command this CLI really takes. */
    @Test
    void theTruncationNoteNamesACheckCommandThatParses() throws InputException {
        String cut = MarkdownReport.truncate("- a gap\n".repeat(1000), 2000);
        Matcher command = Pattern.compile("`\\./readiness check ([^`]+)`").matcher(cut);
        assertThat(command.find()).isTrue();
        CheckOptions o = CheckOptions.parse(List.of(command.group(1).split(" ")));
        assertThat(o.format()).isEqualTo(OutputFormat.MARKDOWN);
        assertThat(o.base()).isEqualTo("BASE"); // a pull request's report: the change against its base
    }

    @Test
    void explainPrintsTheRulePage() {
        CliRun r = CliRun.of(RULES, "explain", "structure/test-license");
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).isEqualTo(LICENSE.info().toMarkdown());
        assertThat(r.out()).startsWith("# `structure/test-license`: License file\n")
                .contains("## What it does\n\nChecks that the repository has a LICENSE file.");
    }

    @Test
    void explainUnknownRuleSuggestsTheClosestIds() {
        CliRun r = CliRun.of(RULES, "explain", "structure/test-licence");
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("readiness: unknown rule structure/test-licence; did you mean "
                + "structure/test-license, structure/test-spaces?\n");

        CliRun far = CliRun.of(RULES, "explain", "zzz");
        assertThat(far.err()).isEqualTo("readiness: unknown rule zzz; see readiness rules\n");
        assertThat(CliRun.of(RULES, "explain").exit()).isEqualTo(Cli.ERROR);
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of(RULES, "--help");
        assertThat(help.exit()).isEqualTo(Cli.OK);
        assertThat(help.out()).isEqualTo(Cli.USAGE).contains("readiness check DIR [--base REF | --staged]");
        CliRun version = CliRun.of(RULES, "--version");
        assertThat(version.exit()).isEqualTo(Cli.OK);
        assertThat(version.out()).as("the build writes the pom version")
                .matches("ml-readiness \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void anUnexpectedFailureIsAnInputErrorWithOneLineNotAStackTraceOrFindings(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("a.py"), "x = 1\n");
        dev.mlreadiness.engine.rule.Rule broken = new dev.mlreadiness.engine.rule.Rule() {
            public dev.mlreadiness.engine.rule.RuleInfo info() {
                return new dev.mlreadiness.engine.rule.RuleInfo("structure/test-broken", "Broken",
                        dev.mlreadiness.engine.rule.Severity.ERROR, dev.mlreadiness.engine.rule.Scope.REPOSITORY,
                        TestRules.doc("Always fails."));
            }

            public void check(dev.mlreadiness.engine.rule.RuleContext ctx, dev.mlreadiness.engine.rule.Findings out) {
                throw new IllegalStateException("rule bug");
            }
        };
        CliRun r = CliRun.of(TestRules.checklist(true, broken), "check", dir.toString());
        assertThat(r.exit()).isEqualTo(Cli.ERROR);
        assertThat(r.err()).isEqualTo("readiness: the check could not finish: IllegalStateException: rule bug "
                + "(please report it with the command you ran)\n");
        assertThat(r.out()).isEmpty();
    }
}
