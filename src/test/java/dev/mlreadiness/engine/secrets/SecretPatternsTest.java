package dev.mlreadiness.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The keyword prefilter before the patterns: it may let lines through, but never one a pattern would match. */
class SecretPatternsTest {

    private static boolean mayHold(String line) {
        return SecretPatterns.mayHoldAny(line.toLowerCase(Locale.ROOT));
    }

    private static boolean anyKindFinds(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return SecretPatterns.ALL.stream().anyMatch(k -> k.find(line, lower).isPresent());
    }

    @Test
    void linesWithACredentialPassTheFilter() {
        String[] leaks = {
                "key = 'AKIAIOSFODNN7ABCDEFG'",
                "token = \"ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"",
                "login(token=\"hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\")",
                "-----BEGIN RSA PRIVATE KEY-----",
                "DB_PASSWORD = \"s3cr3t-Value\"",
                "wandb.login(key=\"0123456789abcdef0123456789abcdef01234567\")",
        };
        for (String line : leaks) {
            assertThat(anyKindFinds(line)).as(line).isTrue();
            assertThat(mayHold(line)).as(line).isTrue();
        }
    }

    @Test
    void ordinaryLinesAreFilteredOutBeforeAnyPattern() {
        assertThat(mayHold("    sample = np.random.rand(3, 4)")).isFalse();
        assertThat(mayHold("| feature | type | description |")).isFalse();
        assertThat(mayHold("numpy==1.26.0")).isFalse();
        // anchors in other case still pass: the patterns decide
        assertThat(mayHold("Akia and PASSWORDS")).isTrue();
        assertThat(anyKindFinds("Akia and PASSWORDS")).isFalse();
    }
}
