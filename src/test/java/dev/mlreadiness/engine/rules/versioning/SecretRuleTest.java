package dev.mlreadiness.engine.rules.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.notebook.NotebookJson;

class SecretRuleTest {

    // Built at run time so this file holds no token-shaped string itself.
    private static final String AWS = "AKIA" + "Q3EGRIFFJ5UXN2PL";
    private static final String GITHUB = "ghp" + "_" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5";
    private static final String GITHUB_PAT = "github" + "_pat_" + "11ABCDEFG0abcdefghijkl_" + "xY7".repeat(20);
    private static final String HF = "hf" + "_" + "aBcDeFgHiJkLmNoPqRsTuVwXyZ01234567";
    private static final String OPENAI = "sk" + "-proj-" + "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3";
    private static final String WANDB = "0123456789abcdef0123456789abcdef01234567";

    private final SecretRule rule = new SecretRule();

    @Test
    void everyKindInAnyTextFileWithoutRepeatingTheSecret() {
        Report r = TestRepo.create()
                .file(".env", "AWS_ACCESS_KEY_ID=" + AWS + "\nWANDB_API_KEY=" + WANDB + "\n")
                .file("config/app.yaml", "github:\n  token: " + GITHUB + "\n  pat: \"" + GITHUB_PAT + "\"\n")
                .file("src/hub.py", "login(token=\"" + HF + "\")  # hf\nclient = OpenAI(api_key='" + OPENAI + "')\n"
                        + "wandb.login(key=\"" + WANDB + "\")\npassword = \"s3cr3t!\"\n")
                .file("deploy/id_rsa.txt", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::message).containsExactly(
                tuple(".env:1", "Remove an AWS access key id from this line and revoke it; read it from an environment "
                        + "variable or a secret store instead."),
                tuple(".env:2", "Remove a Weights & Biases API key from this line and revoke it; read it from an "
                        + "environment variable or a secret store instead."),
                tuple("config/app.yaml:2", "Remove a GitHub token from this line and revoke it; read it from an "
                        + "environment variable or a secret store instead."),
                tuple("config/app.yaml:3", "Remove a GitHub token from this line and revoke it; read it from an "
                        + "environment variable or a secret store instead."),
                tuple("deploy/id_rsa.txt:1", "Remove a private key from this line and revoke it; read it from an "
                        + "environment variable or a secret store instead."),
                tuple("src/hub.py:1", "Remove a Hugging Face token from this line and revoke it; read it from an "
                        + "environment variable or a secret store instead."),
                tuple("src/hub.py:2", "Remove an OpenAI API key from this line and revoke it; read it from an "
                        + "environment variable or a secret store instead."),
                tuple("src/hub.py:3", "Remove a Weights & Biases API key from this line and revoke it; read it from an "
                        + "environment variable or a secret store instead."),
                tuple("src/hub.py:4", "Remove a password from this line and revoke it; read it from an environment "
                        + "variable or a secret store instead."));
        assertThat(r.findings()).extracting(Finding::message).allSatisfy(m -> assertThat(m)
                .doesNotContain(AWS, GITHUB, GITHUB_PAT, HF, OPENAI, WANDB, "s3cr3t", "MIIEow"));
        assertThat(r.findings()).extracting(Finding::ruleId).containsOnly("versioning/secret");
    }

    @Test
    void lookAlikesPlaceholdersAndReferencesAreNotSecrets() {
        Report r = TestRepo.create().file("src/x.py", """
                path = hf_hub_download("gpt2", "config.json")
                css = "sk-toggleable__label-arrow sk-estimator-doc-link-fitted"
                key = "AKIAIOSFODNN7EXAMPLE"
                password = os.environ["DB_PASSWORD"]
                password = ""
                password = "***"
                db_password = "changeme"
                PASSWORD = "${DB_PASSWORD}"
                prompt = getpass("Password: ")
                print("Password: ", user)
                if password == "x": pass
                pwd_label = "Enter your password"
                sha = "ghp_short"
                commit = "0123456789abcdef0123456789abcdef01234567"
                """).scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void commentsAndNotebookOutputsCountBinaryAndDataFilesDoNot() {
        String nb = NotebookJson.create().code(1, "print(token)\n").withOutput(HF + "\n").json();
        Report r = TestRepo.create().file("a.py", "# token: " + HF + "\n").file("notebooks/n.ipynb", nb)
                .file("data/rows.csv", "id,key\n1," + AWS + "\n").file("bin.dat", "\u0000" + AWS + "\n")
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::location).containsExactly("a.py:1",
                "notebooks/n.ipynb:" + NotebookJson.lineOf(nb, "hf_"));
    }

    @Test
    void pullRequestReadsChangedFilesAndOldLinesAreExisting() {
        Report r = TestRepo.create().file("a.py", "x = \"" + HF + "\"\n").file("b.py", "y = \"" + HF + "\"\n")
                .change().modify("a.py", "x = \"" + HF + "\"\npassword = 'hunter22'\n").evaluate(rule);
        assertThat(r.findings()).extracting(Finding::location, Finding::isNew)
                .containsExactly(tuple("a.py:1", false), tuple("a.py:2", true));
    }
}
