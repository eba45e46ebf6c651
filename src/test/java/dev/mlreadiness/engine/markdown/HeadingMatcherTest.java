package dev.mlreadiness.engine.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeadingMatcherTest {

    private static final List<String> USAGE = List.of("usage", "getting started", "quickstart", "how to run",
            "installation", "install", "set up", "setup");
    private static final List<String> DEPLOYMENT = List.of("deployment", "deploy", "serving", "inference",
            "production");
    private static final List<String> DATA_SOURCES = List.of("data", "data source", "data sources", "dataset",
            "datasets", "data collection", "provenance");

    @Test
    void headingMatchesWholeWordsAndPhrases() {
        assertThat(HeadingMatcher.matches("Getting-Started", USAGE)).isTrue();
        assertThat(HeadingMatcher.matches("Quick start", USAGE)).isTrue();
        assertThat(HeadingMatcher.matches("🚀 Deployment", DEPLOYMENT)).isTrue();
        assertThat(HeadingMatcher.matches("Metadata", DATA_SOURCES)).isFalse();
        assertThat(HeadingMatcher.matches("Where the Data comes from", DATA_SOURCES)).isTrue();
    }

    @Test
    void inflectedFormsMatchButLongerWordsDoNot() {
        assertThat(HeadingMatcher.matches("Deploying", DEPLOYMENT)).isTrue();
        assertThat(HeadingMatcher.matches("Installing", USAGE)).isTrue();
        assertThat(HeadingMatcher.matches("Setting up", USAGE)).isTrue();
        assertThat(HeadingMatcher.matches("Redeploying", DEPLOYMENT)).isFalse();
        assertThat(HeadingMatcher.matches("Settings", USAGE)).isFalse();
        assertThat(HeadingMatcher.matches("Installer", USAGE)).isFalse();
    }

    @Test
    void findsTheFirstMatchingSectionWithContent() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("""
                # Churn
                ## Metadata
                Owner: team.
                ## Data
                ## Data sources
                From the CRM export.
                ## Dataset
                Also here.
                """);

        SectionMatch match = HeadingMatcher.match(doc, DATA_SOURCES);

        assertThat(match.status()).isEqualTo(SectionMatch.Status.FOUND);
        assertThat(match.found()).isTrue();
        assertThat(match.section()).map(Section::text).contains("Data sources");
        assertThat(HeadingMatcher.findSection(doc, DATA_SOURCES)).map(Section::line).contains(5);
    }

    @Test
    void matchingHeadingWithoutContentIsEmptyNotFound() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("# Churn\n\nIntro.\n\n## Deployment\n\n## License\n\nMIT\n");

        SectionMatch match = HeadingMatcher.match(doc, DEPLOYMENT);

        assertThat(match.status()).isEqualTo(SectionMatch.Status.EMPTY);
        assertThat(match.empty()).isTrue();
        assertThat(match.found()).isFalse();
        assertThat(match.section()).map(Section::line).contains(5);
        assertThat(HeadingMatcher.findSection(doc, DEPLOYMENT)).isEmpty();
    }

    @Test
    void noMatchingHeadingIsMissing() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("# Churn\n\n## Redeploying to prod\n\nUse the Helm chart.\n");

        SectionMatch match = HeadingMatcher.match(doc, DEPLOYMENT);

        assertThat(match.status()).isEqualTo(SectionMatch.Status.MISSING);
        assertThat(match.missing()).isTrue();
        assertThat(match.section()).isEmpty();
        assertThat(HeadingMatcher.findSection(doc, DEPLOYMENT)).isEmpty();
    }

    @Test
    void parentSectionWithContentOnlyInItsSubsectionIsFound() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("## Usage\n### Step 1\n```\nmake run\n```\n");

        assertThat(HeadingMatcher.findSection(doc, USAGE)).map(Section::text).contains("Usage");
    }

    @Test
    void titleMatchingAWordCountsAsASection() throws MarkdownBudgetException {
        MarkdownDocument doc = MarkdownParser.parse("# Churn deployment\n\nServed with FastAPI.\n");

        assertThat(HeadingMatcher.findSection(doc, DEPLOYMENT)).map(Section::level).contains(1);
    }
}
