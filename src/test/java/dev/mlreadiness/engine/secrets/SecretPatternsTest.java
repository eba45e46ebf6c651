package dev.mlreadiness.engine.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The keyword prefilter before the patterns: it may let lines through, but never one a pattern would match. */
class SecretPatternsTest {

    private static boolean mayHold(String line) {
        return SecretPatterns.mayHoldAny(line.toLowerCase(Locale.ROOT));
    }

    private static boolean mayAssign(String line) {
        return SecretPatterns.mayAssignQuoted(line, line.toLowerCase(Locale.ROOT));
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

    @Test
    void thePasswordPatternRunsOnlyWhereAQuotedValueIsAssigned() {
        // every form the pattern matches passes the check before it
        for (String line : new String[] { "DB_PASSWORD = \"s3cr3t-Value\"", "pwd:'hunter2x'", "passwd =\t\"ab12cd\"",
                "{\"password\": \"s3cr3t\"}" }) {
            assertThat(mayAssign(line)).as(line).isTrue();
            assertThat(anyKindFinds(line)).as(line).isTrue();
        }
        // no assignment of a quoted value: the pattern is not run (and would not match)
        for (String line : new String[] { "pwd = os.environ['PWD']x", "password = get_password()", "pwd = \"\"",
                "pwd: ,", "\"image/png\": \"iVBORpwdw0KGgoAAAANSUhEUgAA+pwd/AAAAElFTkSuQmCC==\",", "cd $PWD",
                "pwd_file.write('x')" }) {
            assertThat(mayAssign(line) && anyKindFinds(line)).as(line).isFalse();
        }
        assertThat(mayAssign("password = get_password()")).isFalse();
        assertThat(mayAssign("\"image/png\": \"iVBORpwdw0KGgoAAAANSUhEUgAA+pwd/AAAElFTkSuQmCC==\",\n")).isFalse();
        assertThat(mayAssign("x = {'PassWord_2' :  \"v\"}")).isTrue();
        // a line whose lower case is longer (U+0130 becomes two chars) is searched in its own case
        assertThat(mayAssign("\u0130 PWD = 'v'")).isTrue();
        assertThat(mayAssign("\u0130 PWD = v")).isFalse();
    }

    @Test
    void gitHubTokensNeedTheirPrefixNotJustGh() {
        assertThat(mayHold("the highest weight")).isFalse();
        assertThat(anyKindFinds("token = \"gho_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\"")).isTrue();
    }

    @Test
    void theByteFilterAgreesWithTheFilterOnTheDecodedLine() {
        String[] lines = { "key = 'AKIAIOSFODNN7ABCDEFG'", "Akia and PASSWORDS", "    sample = np.random.rand(3, 4)",
                "TOKEN=GhP_x", "github_PAT_", "Hf_", "SK-", "WandB", "-----BEGIN RSA PRIVATE KEY-----", "private  key",
                "pw d", "p_wd", "", "a", "s", "sk", "gh", "github_pa", "[AKIA]", "@AKIA`" };
        for (String line : lines) {
            assertThat(mayHoldBytes(line)).as(line).isEqualTo(mayHold(line));
        }
        // a line with a character outside ASCII is let through: its lower case may hold ASCII letters
        assertThat(mayHold("private \u212Aey")).isTrue(); // the Kelvin sign's lower case is k
        assertThat(mayHoldBytes("private \u212Aey")).isTrue();
        assertThat(mayHoldBytes("caf\u00e9 = 1")).isTrue();
        assertThat(mayHoldBytes("ak\u0130a")).isTrue(); // the decoded line decides (no anchor there)
        assertThat(mayHold("ak\u0130a")).isFalse();
        // a byte that may start an anchor followed by one that is not ASCII, or by the end of the range
        assertThat(mayHoldBytes("g\u00e9hp_")).isTrue();
        assertThat(mayHoldBytes("xx a\u00e9")).isTrue();
        assertThat(mayHoldBytes("xx g")).isFalse();
        assertThat(mayHoldBytes("gh gi hf sk wa pr pa pw ak as")).isFalse();
        byte[] mixed = "GiThUb_PaT_ and pWd and aSiA".getBytes(StandardCharsets.UTF_8);
        assertThat(SecretPatterns.kindsAnchoredIn(mixed, 0, mixed.length)).extracting(SecretPatterns.Kind::name)
                .containsExactly("an AWS access key id", "a GitHub token", "a password");
        // the anchor at the end of the range, and cut by it
        byte[] bytes = "x = 1 # pwd".getBytes(StandardCharsets.UTF_8);
        assertThat(SecretPatterns.mayHoldAny(bytes, 0, bytes.length)).isTrue();
        assertThat(SecretPatterns.mayHoldAny(bytes, 0, bytes.length - 1)).isFalse();
        assertThat(SecretPatterns.mayHoldAny(bytes, 9, bytes.length)).isFalse();
    }

    @Test
    void theByteFilterNeverDropsALineTheDecodedFilterKeeps() {
        Random random = new Random(13);
        String alphabet = "akisghpoursf_tbwndvey -AKISGHPOURSFTBWNDVEY:=\"'x";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = line.toString();
            assertThat(mayHoldBytes(s)).as(s).isEqualTo(mayHold(s));
        }
    }

    private static boolean mayHoldBytes(String line) {
        byte[] bytes = ("#" + line + "#").getBytes(StandardCharsets.UTF_8);
        return SecretPatterns.mayHoldAny(bytes, 1, bytes.length - 1);
    }

    @Test
    void theKindsAnchoredInALineAreEveryKindThatFindsSomethingThere() {
        Random random = new Random(7);
        String[] parts = { "AKIAIOSFODNN7ABCDEFG", "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
                "github_pat_aB3dEfGhIjKlMnOpQrStUvWx",
                "hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "sk-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
                "WANDB_API_KEY=0123456789abcdef0123456789abcdef01234567", "-----BEGIN RSA PRIVATE KEY-----",
                " password = \"s3cr3t-Value\"", "pwd:'hunter2x'", " x = 1 ", "Akia", "\u212A", "caf\u00e9" };
        for (int n = 0; n < 5_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int i = random.nextInt(4); i >= 0; i--) {
                line.append(parts[random.nextInt(parts.length)]);
            }
            String s = line.toString();
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            var candidates = SecretPatterns.kindsAnchoredIn(bytes, 0, bytes.length);
            String lower = s.toLowerCase(Locale.ROOT);
            for (SecretPatterns.Kind kind : SecretPatterns.ALL) {
                if (kind.find(s, lower).isPresent()) {
                    assertThat(candidates).as(s).contains(kind);
                }
            }
            assertThat(candidates.isEmpty()).as(s).isEqualTo(!mayHoldBytes(s));
            assertThat(SecretPatterns.lowerCase(s)).isEqualTo(lower);
        }
        byte[] plain = "sample = np.random.rand(3, 4)".getBytes(StandardCharsets.UTF_8);
        assertThat(SecretPatterns.kindsAnchoredIn(plain, 0, plain.length)).isEmpty();
        byte[] aws = "key = 'akia'".getBytes(StandardCharsets.UTF_8);
        assertThat(SecretPatterns.kindsAnchoredIn(aws, 0, aws.length)).extracting(SecretPatterns.Kind::name)
                .containsExactly("an AWS access key id");
        assertThat(SecretPatterns.lowerCase("\u0130 PWD")).isEqualTo("\u0130 PWD".toLowerCase(Locale.ROOT));
    }
}
