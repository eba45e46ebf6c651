package dev.mlreadiness.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.SnapshotReadException;
import dev.mlreadiness.report.RepositoryAnchor;
import dev.mlreadiness.report.ToolInfo;

/**
 * The {@code readiness} commands over one set of rules: {@code check}, {@code rules}, {@code explain}, {@code docs}.
 * Returns exit codes instead of exiting, so tests run it in-process: 0 nothing at or above {@code fail-on}, 1
 * findings at or above it, 2 a usage, config or input error (one line on stderr).
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int ERROR = 2;

    static final String USAGE = """
            Usage:
              readiness check DIR [--base REF | --staged] [--format text|markdown|json|sarif|github]
                                  [--config FILE] [--fail-on error|warning|notice|never] [--output FILE]
                                  [--color auto|always|never]
              readiness rules            list the checklist's rules
              readiness explain RULE     show a rule's documentation
              readiness docs [ROOT]      regenerate docs/rules/ and the README's rule table
              readiness --help | --version

            check without --base scans every file of DIR (a git work tree as git lists it, or any folder):
            every finding is existing (new: false) and every finding counts, so debt at or above fail-on fails.
            With --base REF it reviews the change git diff REF...HEAD like a pull request: only new findings
            fail. --staged reviews what a commit would add (the git index against HEAD) the same way, for a
            pre-commit hook. --format github prints workflow commands (annotations in a GitHub Actions job).
            The text report has colour in a terminal unless NO_COLOR is set (--color overrides both).
            Exit codes: 0 nothing at or above fail-on, 1 findings at or above it, 2 usage or input error.
            """;

    private final Rules rules;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> env;
    private final BooleanSupplier terminal;

    public Cli(Rules rules, PrintStream out, PrintStream err) {
        this(rules, out, err, System::getenv, () -> System.console() != null);
    }

    /**
     * @param env the environment ({@code NO_COLOR}, {@code TERM})
     * @param terminal whether standard output is a terminal
     */
    Cli(Rules rules, PrintStream out, PrintStream err, Function<String, String> env, BooleanSupplier terminal) {
        this.rules = rules;
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    public int run(String... args) {
        try {
            return dispatch(List.of(args));
        } catch (InputException e) {
            err.println("readiness: " + e.getMessage());
            return ERROR;
        } catch (RuntimeException e) {
            // a bug or an unreadable file must not look like "findings" (exit 1) to a CI job, nor dump a trace
            err.println("readiness: the check could not finish: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (please report it with the command you ran)");
            return ERROR;
        }
    }

    private int dispatch(List<String> args) throws InputException {
        if (args.isEmpty()) {
            err.print(USAGE);
            return ERROR;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "--help", "-h", "help" -> {
                out.print(USAGE);
                yield OK;
            }
            case "--version", "-V" -> {
                out.println(ToolInfo.NAME + " " + ToolInfo.version());
                yield OK;
            }
            case "check" -> check(CheckOptions.parse(rest));
            case "rules" -> rules(rest);
            case "explain" -> explain(rest);
            case "docs" -> docs(rest);
            default -> throw new InputException("unknown command " + args.get(0)
                    + "; use check, rules, explain or docs (readiness --help)");
        };
    }

    private int check(CheckOptions o) throws InputException {
        // evaluated in a method of its own: the snapshot (every file read) is garbage once it returns, so rendering
        // a large report does not hold the repository's contents too
        Evaluation e = evaluate(o);
        boolean color = color(o);
        write(w -> o.format().write(e.report(), color, e.anchor(), w), o.output());
        return e.report().conclusion() == Conclusion.FAILURE ? FINDINGS : OK;
    }

    /**
     * Colour in the text report: {@code --color always|never} decides; {@code auto} (the default) colours only a
     * terminal, and not when {@code NO_COLOR} is set to anything non-empty (no-color.org) or {@code TERM} is
     * {@code dumb}.
     */
    boolean color(CheckOptions o) {
        return switch (o.color()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> o.output() == null && terminal.getAsBoolean() && isEmpty(env.apply("NO_COLOR"))
                    && !"dumb".equals(env.apply("TERM"));
        };
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** A report and the files of its tree that SARIF anchors repository findings on. */
    private record Evaluation(Report report, RepositoryAnchor anchor) {
    }

    private Evaluation evaluate(CheckOptions o) throws InputException {
        try (LocalRepository repo = LocalRepository.open(o.dir())) {
            ConfigFiles.Loaded loaded = ConfigFiles.load(repo.dir(), o.config(), rules::ids);
            ReadinessConfig config = o.failOn() == null ? loaded.config()
                    : ConfigFiles.withFailOn(loaded.config(), o.failOn());
            EvaluationInput input;
            if (o.base() == null && !o.staged()) {
                input = EvaluationInput.fullScan(repo.workTree(), config, loaded.present());
            } else {
                LocalRepository.Change c = o.staged() ? repo.staged() : repo.change(o.base());
                input = EvaluationInput.change(c.base(), c.head(), c.changes(), config, loaded.present());
            }
            // only SARIF anchors findings about the whole repository on a file: the other formats need no set of every
            // path (nor the stream that builds it, on a short run)
            RepositoryAnchor anchor = o.format() != OutputFormat.SARIF ? RepositoryAnchor.NONE
                    : RepositoryAnchor.of(input.head().stream().map(FileEntry::path).collect(Collectors.toSet()));
            try {
                // a folder that is not an ML project is told so before any rule is built
                return new Evaluation(rules.evaluate(input), anchor);
            } catch (SnapshotReadException e) {
                throw new InputException(e.getMessage(), e);
            }
        }
    }

    /** Writes a report onto a writer. */
    interface Rendering {
        void to(Writer w) throws IOException;
    }

    private void write(Rendering report, Path output) throws InputException {
        if (output == null) {
            // through the print stream, so its encoding applies as it did to a whole string; buffered, so the
            // print stream sees a few large pieces
            try (Writer w = new BufferedWriter(new PrintStreamWriter(out), 1 << 16)) {
                report.to(w);
            } catch (StandardOutputFailed e) {
                // the rest of the report is not written: handled below
            } catch (IOException e) {
                throw new IllegalStateException("a print stream reports no errors", e);
            }
            if (out.checkError()) {
                // a print stream keeps its write errors to itself; StandardOutput (Main's) keeps the cause. A reader
                // that closed the pipe (check . | head) has all it wanted: stop quietly with the check's own exit
                // code, as tools killed by SIGPIPE do. Any other error (a full disk) means a report that did not
                // reach its reader, which must not pass for one that did.
                Optional<IOException> cause = out instanceof StandardOutput s ? s.failure() : Optional.empty();
                if (cause.filter(Cli::isBrokenPipe).isPresent()) {
                    return;
                }
                throw new InputException("could not write the report to standard output"
                        + cause.map(e -> ": " + e.getMessage()).orElse(""));
            }
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            // as other tools do: a mistyped folder is an error, not a tree of new folders
            throw new InputException("cannot write " + output + ": the folder " + parent + " does not exist");
        }
        try {
            writeFile(report, output);
        } catch (IOException e) {
            throw new InputException("could not write " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a report file whole or not at all: into a new file beside it, moved over it once complete (atomically
     * where the file system can), so a failed write (a full disk) keeps the previous report and leaves no half one
     * and no temporary file. A file that is not a regular file ({@code /dev/stderr}, a named pipe) is written in
     * place, as it cannot be replaced; a link is followed, so the file it points to gets the report.
     */
    static void writeFile(Rendering report, Path output) throws IOException {
        Path target = Files.exists(output) ? output.toRealPath() : output.toAbsolutePath();
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                report.to(w);
            }
            return;
        }
        Path temp = newFileBeside(target);
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                report.to(w);
            }
            keepPermissions(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * A new empty file {@code .NAME.RANDOM.tmp} beside {@code target}, created as the report itself would be (its
     * permissions follow the umask, unlike those of {@link Files#createTempFile}, which are the owner's only).
     */
    private static Path newFileBeside(Path target) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0;; attempt++) {
            Path temp = target
                    .resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(random.nextLong(), 36)
                            + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    /** A report that replaces one keeps its permissions, as it did when the file was rewritten in place. */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    /** Standard output failed while the report was rendered; the print stream and its cause tell why. */
    private static final class StandardOutputFailed extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** EPIPE: the reader closed the pipe ("Broken pipe" on Linux and macOS). */
    private static boolean isBrokenPipe(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /**
     * A writer onto a print stream that leaves it open (standard output), flushing it when closed. A high surrogate
     * that ends a piece waits for the next one, so a pair is never encoded in two halves.
     */
    private static final class PrintStreamWriter extends Writer {
        private final PrintStream out;
        private final StringBuilder piece = new StringBuilder();

        PrintStreamWriter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws StandardOutputFailed {
            piece.append(chars, offset, length);
            int keep = piece.length() > 0 && Character.isHighSurrogate(piece.charAt(piece.length() - 1)) ? 1 : 0;
            out.print(piece.substring(0, piece.length() - keep));
            piece.delete(0, piece.length() - keep);
            if (out.checkError()) {
                // nobody reads the rest (a closed pipe) or it cannot be kept (a full disk): stop rendering
                throw new StandardOutputFailed();
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.print(piece);
            piece.setLength(0);
            out.flush();
        }
    }

    private int rules(List<String> args) throws InputException {
        if (!args.isEmpty()) {
            throw new InputException("rules takes no arguments");
        }
        List<RuleInfo> infos = rules.infos();
        int idWidth = infos.stream().mapToInt(r -> r.id().length()).max().orElse(0);
        for (RuleInfo r : infos) {
            out.printf("%-" + idWidth + "s  %-7s  %s%n", r.id(), r.defaultSeverity().id(), r.title());
        }
        return OK;
    }

    private int explain(List<String> args) throws InputException {
        if (args.size() != 1) {
            throw new InputException("explain takes one rule id, such as structure/readme (see readiness rules)");
        }
        String id = args.get(0);
        Optional<RuleInfo> info = rules.find(id).map(Rule::info);
        if (info.isEmpty()) {
            List<String> close = rules.closest(id);
            throw new InputException("unknown rule " + id
                    + (close.isEmpty() ? "; see readiness rules" : "; did you mean " + String.join(", ", close) + "?"));
        }
        out.print(info.get().toMarkdown());
        return OK;
    }

    private int docs(List<String> args) throws InputException {
        if (args.size() > 1) {
            throw new InputException("docs takes at most one folder, the project root");
        }
        Path root = Path.of(args.isEmpty() ? "." : args.get(0));
        List<String> touched = new RuleDocs(root, rules.infos()).write();
        out.println(touched.isEmpty() ? "Rule docs are up to date."
                : "Updated " + touched.size() + " file(s): " + String.join(", ", touched));
        return OK;
    }
}
