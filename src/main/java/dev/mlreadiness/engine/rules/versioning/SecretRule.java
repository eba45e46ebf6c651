package dev.mlreadiness.engine.rules.versioning;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.TextLines;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.notebook.Notebook;
import dev.mlreadiness.engine.notebook.NotebookFormatException;
import dev.mlreadiness.engine.notebook.NotebookParser;
import dev.mlreadiness.engine.repo.ArtifactKinds;
import dev.mlreadiness.engine.rule.AbstractRule;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleDoc;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.secrets.SecretPatterns;
import dev.mlreadiness.engine.snapshot.FileEntry;

/** {@code versioning/secret}: no credentials in committed files. */
public final class SecretRule extends AbstractRule {

    /** Text files larger than this are not scanned (2 MiB); notebooks up to {@link CodeFiles#MAX_NOTEBOOK_BYTES}. */
    static final long MAX_TEXT_BYTES = 2L * 1024 * 1024;

    public static final RuleInfo INFO = new RuleInfo("versioning/secret", "Credentials committed to git",
            Severity.ERROR, Scope.LINE, new RuleDoc("""
                    Flags a line of any text file (code, notebooks, `.env`, YAML, JSON, config) holding a
                    credential: an AWS access key id (`AKIA`/`ASIA` + 16 characters; AWS's documented
                    `...EXAMPLE` key is ignored), a GitHub token (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`,
                    `github_pat_`), a Hugging Face token (`hf_`), an OpenAI key (`sk-`, `sk-proj-`), a Weights &
                    Biases API key (40 hex characters given to `WANDB_API_KEY` or `wandb.login(key=...)`), a
                    private-key PEM block, or a quoted `password = "..."` / `"password": "..."` value. Tokens must
                    mix digits and both letter cases, which rules out names like `sk-toggleable__label`.
                    Password values that are empty, placeholders (`"***"`, `"changeme"`, `"<password>"`,
                    `"${DB_PASSWORD}"`, anything with a space or the word password) or not quoted
                    (`password = os.environ["DB_PASSWORD"]`) are not flagged.

                    A pull request is judged on its changed files (secrets on lines it adds are new, on other lines
                    of those files existing); a full scan reads every file. The message names the kind of credential and
                    never repeats it; in a notebook it names the cell too (`Cell 3 (In [2]), line 2: ...`, or
                    `Cell 3 (In [2]), in its outputs or metadata: ...` for a printed token).
                    """, """
                    A credential in git is public to everyone who can read the repository, forever: deleting
                    it in a later commit leaves it in history, forks and clones. Leaked cloud keys are exploited
                    within minutes by bots that scan GitHub.
                    """, """
                    Revoke the credential now (rotating it is the only fix once it was pushed), remove it from
                    the file, and read it at run time from an environment variable or a secret store
                    (`os.environ["HF_TOKEN"]`, GitHub Actions secrets, a `.env` file listed in `.gitignore`).
                    Rewrite history (`git filter-repo`) if the repository must not keep it.
                    """, """
                    ```python
                    from huggingface_hub import login
                    login(token="hf_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789")
                    ```
                    """, """
                    ```python
                    import os
                    from huggingface_hub import login
                    login(token=os.environ["HF_TOKEN"])
                    ```
                    """).withKnownProblems("""
                    Comments and notebook outputs count: a token in a comment or a printed token is leaked all the same.
                    Binary files, data and model files (`.csv`, `.parquet`, `.pt`, ...) and text files over 2 MiB
                    (notebooks over 20 MiB) are not read, so a credential in them is not found.
                    """));

    /** The files to scan that are neither data nor models, up to the size limits. */
    private static final FileSelector SCANNED = FileSelector.toScan(SecretRule::isScanned);

    public SecretRule() {
        super(INFO, SCANNED);
    }

    @Override
    public void check(RuleContext ctx, Findings out) {
        for (String path : SCANNED.select(ctx)) {
            ctx.snapshot().bytes(path).filter(bytes -> SecretPatterns.mayHoldAny(bytes, 0, bytes.length))
                    .ifPresent(bytes -> TextLines.of(bytes).ifPresent(lines -> scan(path, bytes, lines, out)));
        }
    }

    /**
     * Line by line over the bytes: a 20 MB notebook is never decoded whole. In a notebook the message names the
     * cell (read only once a line holds a secret).
     */
    private static void scan(String path, byte[] bytes, TextLines lines, Findings out) {
        Optional<Notebook> notebook = null;
        for (int line = 1; line <= lines.count(); line++) {
            // the anchors are looked for in the bytes (one pass, nothing decoded): most lines hold none, and a line
            // that holds some is matched against the kinds they belong to only
            List<SecretPatterns.Kind> candidates = lines.lineBytes(line, SecretPatterns::kindsAnchoredIn);
            if (candidates.isEmpty()) {
                continue;
            }
            String content = lines.line(line);
            String lower = SecretPatterns.lowerCase(content);
            Set<String> kinds = new HashSet<>();
            for (SecretPatterns.Kind kind : candidates) {
                Optional<String> secret = kinds.contains(kind.name()) ? Optional.empty() : kind.find(content, lower);
                if (secret.isPresent()) {
                    kinds.add(kind.name());
                    if (notebook == null) {
                        notebook = CodeFiles.isNotebook(path) ? readNotebook(bytes) : Optional.empty();
                    }
                    String message = "Remove " + kind.name() + " from this line and revoke it; read it from an "
                            + "environment variable or a secret store instead.";
                    int at = line;
                    Optional<String> place = notebook.flatMap(nb -> nb.describeLine(at));
                    out.line(path, line, place.map(p -> Notebook.at(p, message)).orElse(message),
                            Findings.digest(kind.name(), secret.get()));
                }
            }
        }
    }

    private static Optional<Notebook> readNotebook(byte[] bytes) {
        try {
            return Optional.of(NotebookParser.parse(bytes));
        } catch (NotebookFormatException e) {
            return Optional.empty(); // not a notebook we read: the line alone says where
        }
    }

    private static boolean isScanned(FileEntry f) {
        if (ArtifactKinds.isDataOrModelFile(f.path())) {
            return false;
        }
        long limit = CodeFiles.isNotebook(f.path()) ? CodeFiles.MAX_NOTEBOOK_BYTES : MAX_TEXT_BYTES;
        return f.size() <= limit;
    }
}
