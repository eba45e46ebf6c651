package dev.mlreadiness.github.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Which lines {@link IgnoreDespiteQuotes} takes from airline. It asks the framework's internal tokenizer, the one
 * the dispatcher uses: these cases fail if an upgrade changes what that tokenizer rejects, or moves it.
 */
class IgnoreDespiteQuotesTest {

    @Test
    void takesAnIgnoreWhoseReasonHasAnApostropheOrALoneQuote() {
        assertThat(IgnoreDespiteQuotes.args("/readiness ignore docs/usage it's generated"))
                .contains(List.of("docs/usage", "it's", "generated"));
        assertThat(IgnoreDespiteQuotes.args("  /readiness ignore docs/usage the 12\" demo\nsecond line"))
                .contains(List.of("docs/usage", "the", "12\"", "demo"));
    }

    @Test
    void leavesToAirlineEveryLineItCanTokenize() {
        assertThat(IgnoreDespiteQuotes.args("/readiness ignore docs/usage generated code")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args("/readiness ignore docs/usage \"it's generated\"")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args("/readiness ignore docs/usage 'quoted reason'")).isEmpty();
    }

    @Test
    void leavesAloneWhatIsNotAnIgnoreCommandOnTheFirstLine() {
        assertThat(IgnoreDespiteQuotes.args("/readiness ignroe docs/usage it's")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args("/readiness explain it's")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args("/Readiness ignore docs/usage it's")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args("Thanks!\n/readiness ignore docs/usage it's")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args("/readinesss ignore docs/usage it's")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args("")).isEmpty();
        assertThat(IgnoreDespiteQuotes.args(null)).isEmpty();
    }
}
