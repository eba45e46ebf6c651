package dev.mlreadiness.engine.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mlreadiness.engine.code.CodeFile;
import dev.mlreadiness.engine.code.CodeFiles;
import dev.mlreadiness.engine.config.ProjectPaths;
import dev.mlreadiness.engine.data.DataFiles;
import dev.mlreadiness.engine.data.DocLines;
import dev.mlreadiness.engine.data.TabularHeader;
import dev.mlreadiness.engine.docker.Dockerfile;
import dev.mlreadiness.engine.markdown.InlineCode;
import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.repo.TestFiles;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.FileEntry;

/**
 * The changes of a pull request that make one section of the docs out of date, by topic (for {@code docs/stale}):
 * <ul>
 * <li><b>Experiments</b>: an estimator class the code constructs appears or goes ({@code RandomForestClassifier},
 * {@code XGBRegressor}, {@code LogisticRegression} ...), or the arguments of its constructor change (its
 * hyperparameters);</li>
 * <li><b>Training environment</b>: a seed value changes ({@code random_state=}, {@code seed=},
 * {@code np.random.seed(…)},
 * {@code torch.manual_seed(…)}, {@code SEED = …}), the Python version of {@code .python-version} or
 * {@code runtime.txt} changes, or a version pinned with {@code ==} in a requirements file changes while the section
 * names the old version;</li>
 * <li><b>Data schema</b>: the header of a CSV or TSV file under the data folder changes (columns added, removed,
 * renamed);</li>
 * <li><b>Deployment</b>: a Dockerfile's {@code CMD}, {@code ENTRYPOINT} or {@code EXPOSE} changes, or a web route
 * of the code ({@code @app.post("/predict")}) appears or goes.</li>
 * </ul>
 * Each topic is looked for in the files the pull request changes only, compared with their base versions.
 */
public final class SectionChanges {

    /** A documentation topic, the section words that find its section, and the rule whose config words add to them. */
    public enum Topic {
        EXPERIMENTS("docs/experiments", "experiments", List.of("experiment", "model selection", "results", "evaluation",
                "benchmark", "hyperparameter")),
        TRAINING_ENVIRONMENT("docs/training-environment", "the training environment", List.of("environment",
                "reproducibility", "reproducible", "requirements", "seed")),
        DATA_SCHEMA("docs/data-schema", "the data schema", List.of("schema", "data dictionary", "column", "codebook")),
        DEPLOYMENT("docs/deployment", "the deployment", List.of("deployment", "deploy", "serving", "inference",
                "production"));

        private final String ruleId;
        private final String label;
        private final List<String> words;

        Topic(String ruleId, String label, List<String> words) {
            this.ruleId = ruleId;
            this.label = label;
            this.words = words;
        }

        /** How messages name what the section describes: {@code the training environment}. */
        public String label() {
            return label;
        }

        /** The sections of the docs about the topic, README first. */
        public List<DocSection> sections(RuleContext ctx) {
            List<DocSection> out = new ArrayList<>(
                    new SectionCheck(words, "", "").search(ctx, ruleId).found());
            if (this == DATA_SCHEMA) {
                out.addAll(schemaTableSections(ctx));
            }
            return List.copyOf(new LinkedHashSet<>(out));
        }
    }

    /**
     * One change and the topic it concerns.
     *
     * @param topic the section it makes out of date
     * @param text what changed, as it reads after "This PR": {@code changes the seed from 42 to 7 (src/train.py)}
     * @param mention what the section must name for the change to make it out of date (the old version of a pin, an
     *        estimator the code no longer uses: a section that never named it stays right), or null
     * @param known what, when the section already names it, leaves the section right (an estimator the code starts
     *        using that the section already names), or null
     */
    public record Change(Topic topic, String text, String mention, String known) {

        Change(Topic topic, String text) {
            this(topic, text, null, null);
        }

        Change(Topic topic, String text, String mention) {
            this(topic, text, mention, null);
        }

        /** Whether the change makes a section that says {@code sectionText} out of date. */
        public boolean concerns(String sectionText) {
            boolean mentioned = mention == null || (mention.chars().anyMatch(Character::isLetter)
                    ? names(sectionText, mention)
                    : sectionText.contains(mention));
            return mentioned && (known == null || !names(sectionText, known));
        }
    }

    /**
     * Whether the text names the thing, ignoring case, spaces and punctuation; an estimator also by its name without
     * {@code Classifier} or {@code Regressor} ({@code random forest} names {@code RandomForestClassifier}).
     */
    static boolean names(String text, String thing) {
        String t = compact(text);
        String n = compact(thing);
        if (n.isEmpty()) {
            return false;
        }
        String shortName = n.replaceAll("(classifier|regressor)$", "");
        return t.contains(n) || shortName.length() >= 6 && t.contains(shortName);
    }

    private static String compact(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static final Pattern ESTIMATOR = Pattern.compile("[A-Z]\\w*(Classifier|Regressor|Regression|RegressionCV"
            + "|SVC|SVR|NB|KMeans|Forest|ForestClassifier|Ridge|RidgeCV|Lasso|LassoCV|ElasticNet|ElasticNetCV"
            + "|Prophet|ARIMA|SARIMAX|IsolationForest|MiniBatchKMeans|DBSCAN|Perceptron)|LGBM\\w+|XGB\\w+"
            + "|CatBoost\\w+|ExponentialSmoothing");
    private static final Set<String> SEED_KEYWORDS = Set.of("random_state", "seed", "random_seed");
    private static final Pattern SEED_CALL = Pattern.compile("(.*\\.)?(seed|manual_seed|manual_seed_all|set_seed"
            + "|set_random_seed|seed_everything)");
    private static final Pattern SEED_CONSTANT = Pattern.compile("(?im)^\\s*(\\w*seed\\w*)\\s*=\\s*(\\d+)\\s*(#.*)?$");
    private static final Pattern PIN = Pattern.compile("(?m)^\\s*([A-Za-z0-9][A-Za-z0-9_.-]*)(\\[[^\\]]*])?\\s*==\\s*"
            + "([^\\s;#,]+)");
    private static final Pattern ROUTE = Pattern.compile(
            "(?m)^\\s*@\\s*\\w+(\\.\\w+)*\\.(get|post|put|delete|patch|route|api_route|websocket)\\(\\s*[\"']([^\"']*)");
    private static final Pattern MINOR = Pattern.compile("(\\d+\\.\\d+)");
    private static final Set<String> DEPLOY_INSTRUCTIONS = Set.of("CMD", "ENTRYPOINT", "EXPOSE");

    private final RuleContext head;
    private final Optional<RuleContext> base;
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> estimatorsBefore = new LinkedHashSet<>();
    private final Set<String> estimatorsAfter = new LinkedHashSet<>();

    private SectionChanges(RuleContext head) {
        this.head = head;
        this.base = head.base();
    }

    /** The changes of the pull request, by topic, in a stable order. */
    public static List<Change> of(RuleContext head) {
        SectionChanges s = new SectionChanges(head);
        for (FileChange c : head.changes().files()) {
            if (!TestFiles.isTestFile(c.path()) && CodeFiles.isCode(c.path())) {
                s.estimatorsBefore.addAll(estimatorCalls(s.code(s.base, origin(c))).keySet());
                if (c.status().exists()) {
                    s.estimatorsAfter.addAll(estimatorCalls(s.code(Optional.of(head), c.path())).keySet());
                }
            }
        }
        for (FileChange c : head.changes().files()) {
            if (!c.status().exists() || TestFiles.isTestFile(c.path())) {
                continue;
            }
            String origin = origin(c);
            if (CodeFiles.isCode(c.path())) {
                s.code(c, origin);
            } else if (isPythonVersionFile(c.path())) {
                s.pythonVersion(c, origin);
            } else if (isRequirements(c.path())) {
                s.pins(c, origin);
            } else if (Dockerfile.isDockerfile(c.path())) {
                s.dockerfile(c, origin);
            } else if (isDataTable(head, c.path())) {
                s.columns(c, origin);
            }
        }
        return List.copyOf(new LinkedHashSet<>(s.changes));
    }

    /**
     * The files of one side these comparisons read besides code: Python version files, requirements, Dockerfiles, data
     * tables.
     */
    public static List<String> reads(RuleContext ctx) {
        Set<String> out = new LinkedHashSet<>();
        for (FileChange c : ctx.changes().files()) {
            if (!c.status().exists() || TestFiles.isTestFile(c.path())) {
                continue;
            }
            String path = ctx.side() == RuleContext.Side.HEAD ? c.path() : origin(c);
            if (path != null && (isPythonVersionFile(path) || isRequirements(path) || Dockerfile.isDockerfile(path)
                    || isDataTable(ctx, path) && ctx.snapshot().file(path).map(FileEntry::size)
                            .filter(size -> size <= DataFiles.MAX_BYTES).isPresent())) {
                out.add(path);
            }
        }
        return List.copyOf(out);
    }

    /** Whether the PR's changes to the doc files touch the section (an added line in it, or a diff hunk on it). */
    public static boolean touched(RuleContext head, DocSection s) {
        Optional<FileChange> change = head.changes().files().stream().filter(c -> c.path().equals(s.path())
                && c.status().exists()).findFirst();
        if (change.isEmpty()) {
            return false;
        }
        int start = s.section().line();
        int end = DocLines.endLine(head, s);
        for (int line = start; line <= end; line++) {
            if (change.get().isAddedLine(line) || change.get().inDiff(line)) {
                return true;
            }
        }
        return false;
    }

    private static List<DocSection> schemaTableSections(RuleContext ctx) {
        List<DocSection> out = new ArrayList<>();
        for (DocsOutline.DocSchemaTable t : DocsOutline.of(ctx).schemaTables()) {
            DocLines.sectionOf(ctx, t).ifPresent(out::add);
        }
        return out;
    }

    private static String origin(FileChange c) {
        return switch (c.status()) {
            case MODIFIED -> c.path();
            case RENAMED -> c.previousPath();
            default -> null;
        };
    }

    private static boolean isPythonVersionFile(String path) {
        return path.equals(".python-version") || path.equals("runtime.txt");
    }

    private static boolean isRequirements(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.startsWith("requirements") && name.endsWith(".txt");
    }

    private static boolean isDataTable(RuleContext ctx, String path) {
        return TabularHeader.isTabular(path) && ProjectPaths.isUnder(path, ctx.paths().data());
    }

    private Optional<CodeFile> code(Optional<RuleContext> side, String path) {
        if (side.isEmpty() || path == null || !CodeFiles.isCode(path)) {
            return Optional.empty();
        }
        return side.get().snapshot().file(path).flatMap(e -> CodeFiles.read(side.get(), e));
    }

    private void code(FileChange c, String origin) {
        Optional<CodeFile> now = code(Optional.of(head), c.path());
        if (now.isEmpty()) {
            return;
        }
        Optional<CodeFile> old = code(base, origin);
        String at = " (" + c.path() + ")";
        // estimators: classes that appear or go, and constructor arguments that change on an added line
        Map<String, Set<String>> callsBefore = estimatorCalls(old);
        Map<String, Set<String>> callsAfter = estimatorCalls(now);
        for (Call call : now.get().module().calls()) {
            String name = call.simpleName();
            if (!ESTIMATOR.matcher(name).matches() || !c.isAddedLine(now.get().fileLine(call.line()))) {
                continue;
            }
            if (!estimatorsBefore.contains(name)) {
                changes.add(new Change(Topic.EXPERIMENTS, "uses the estimator " + code(name) + at, null, name));
            } else if (callsBefore.containsKey(name) && !callsBefore.get(name).contains(arguments(call))) {
                changes.add(new Change(Topic.EXPERIMENTS, "changes the hyperparameters of " + code(name) + at));
            }
        }
        for (String name : callsBefore.keySet()) {
            if (!callsAfter.containsKey(name) && !estimatorsAfter.contains(name)) {
                changes.add(new Change(Topic.EXPERIMENTS, "no longer uses the estimator " + code(name) + at, name));
            }
        }
        // seeds: the values in the file before and after
        Set<String> seedsBefore = seeds(old);
        Set<String> seedsAfter = seeds(now);
        if (!seedsBefore.isEmpty() && !seedsAfter.isEmpty() && !seedsBefore.equals(seedsAfter)) {
            Set<String> gone = new TreeSet<>(seedsBefore);
            gone.removeAll(seedsAfter);
            Set<String> fresh = new TreeSet<>(seedsAfter);
            fresh.removeAll(seedsBefore);
            if (!fresh.isEmpty()) {
                changes.add(new Change(Topic.TRAINING_ENVIRONMENT, "changes the random seed"
                        + (gone.isEmpty() ? "" : " from " + String.join(", ", gone)) + " to "
                        + String.join(", ", fresh) + at));
            }
        }
        // web routes of a serving entry point
        Set<String> routesBefore = old.isPresent() ? routes(sourceOf(base, origin)) : Set.of();
        Set<String> routesAfter = routes(sourceOf(Optional.of(head), c.path()));
        for (String r : routesAfter) {
            if (!routesBefore.contains(r) && old.isPresent()) {
                changes.add(new Change(Topic.DEPLOYMENT, "adds the endpoint " + code(r) + at));
            }
        }
        for (String r : routesBefore) {
            if (!routesAfter.contains(r)) {
                changes.add(new Change(Topic.DEPLOYMENT, "removes the endpoint " + code(r) + at));
            }
        }
    }

    private static String sourceOf(Optional<RuleContext> side, String path) {
        return side.flatMap(s -> s.text(path)).orElse("");
    }

    private static Set<String> routes(String source) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ROUTE.matcher(source);
        while (m.find() && out.size() < 200) {
            String method = m.group(2).equals("route") || m.group(2).equals("api_route") ? ""
                    : m.group(2).toUpperCase(Locale.ROOT) + " ";
            out.add(method + m.group(3));
        }
        return out;
    }

    /** Estimator class name to the argument texts of its constructor calls. */
    private static Map<String, Set<String>> estimatorCalls(Optional<CodeFile> file) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        file.ifPresent(f -> f.module().calls().stream().filter(c -> ESTIMATOR.matcher(c.simpleName()).matches())
                .forEach(c -> out.computeIfAbsent(c.simpleName(), k -> new LinkedHashSet<>()).add(arguments(c))));
        return out;
    }

    /** The call's arguments but the seed, whitespace aside, keywords in name order. */
    private static String arguments(Call call) {
        StringBuilder b = new StringBuilder("(");
        call.positional().forEach(a -> b.append(a.text().replaceAll("\\s+", "")).append(','));
        new java.util.TreeMap<>(call.keywords()).forEach((k, v) -> {
            if (!SEED_KEYWORDS.contains(k)) {
                b.append(k).append('=').append(v.text().replaceAll("\\s+", "")).append(',');
            }
        });
        return b.append(call.hasStar() ? "*" : "").append(call.hasDoubleStar() ? "**" : "").append(')').toString();
    }

    private static Set<String> seeds(Optional<CodeFile> file) {
        Set<String> out = new TreeSet<>();
        if (file.isEmpty()) {
            return out;
        }
        for (Call call : file.get().module().calls()) {
            for (String k : SEED_KEYWORDS) {
                Argument a = call.keyword(k);
                if (a != null && a.text().matches("\\d+")) {
                    out.add(a.text());
                }
            }
            if (SEED_CALL.matcher(call.callee()).matches() && !call.positional().isEmpty()
                    && call.positional().get(0).text().matches("\\d+")) {
                out.add(call.positional().get(0).text());
            }
        }
        return out;
    }

    private void pythonVersion(FileChange c, String origin) {
        String before = base.flatMap(b -> origin == null ? Optional.empty() : b.text(origin)).orElse("").strip();
        String after = head.text(c.path()).orElse("").strip();
        String minorBefore = minor(before);
        String minorAfter = minor(after);
        // a patch release leaves "Python 3.11" right; the section must name the old minor version
        if (!minorBefore.isEmpty() && !minorAfter.isEmpty() && !minorBefore.equals(minorAfter)) {
            changes.add(new Change(Topic.TRAINING_ENVIRONMENT, "changes the Python version from " + code(before)
                    + " to " + code(after) + " (" + c.path() + ")", minorBefore));
        }
    }

    private void pins(FileChange c, String origin) {
        Map<String, String> before = pinsOf(base.flatMap(b -> origin == null ? Optional.empty() : b.text(origin)));
        Map<String, String> after = pinsOf(head.text(c.path()));
        after.forEach((name, version) -> {
            String old = before.get(name);
            if (old != null && !old.equals(version)) {
                changes.add(new Change(Topic.TRAINING_ENVIRONMENT, "changes the pinned version of " + code(name)
                        + " from " + code(old) + " to " + code(version) + " (" + c.path() + ")", old));
            }
        });
    }

    /** {@code 3.11} of {@code 3.11.9} or {@code python-3.11.9}; empty when there is none. */
    private static String minor(String version) {
        Matcher m = MINOR.matcher(version);
        return m.find() ? m.group(1) : "";
    }

    private static Map<String, String> pinsOf(Optional<String> text) {
        Map<String, String> out = new LinkedHashMap<>();
        text.ifPresent(t -> {
            Matcher m = PIN.matcher(t);
            while (m.find() && out.size() < 2_000) {
                out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3));
            }
        });
        return out;
    }

    private void dockerfile(FileChange c, String origin) {
        String after = head.text(c.path()).orElse("");
        String before = base.flatMap(b -> origin == null ? Optional.empty() : b.text(origin)).orElse("");
        Set<String> instructionsBefore = deployInstructions(before);
        String[] lines = after.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String keyword = line.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
            if (DEPLOY_INSTRUCTIONS.contains(keyword) && c.isAddedLine(i + 1) && !instructionsBefore.contains(line)
                    && (origin != null || !before.isEmpty())) {
                changes.add(new Change(Topic.DEPLOYMENT, "changes the container's " + keyword + " (" + c.path()
                        + ")"));
            }
        }
    }

    private static Set<String> deployInstructions(String dockerfile) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : dockerfile.split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (DEPLOY_INSTRUCTIONS.contains(line.split("\\s+", 2)[0].toUpperCase(Locale.ROOT))) {
                out.add(line);
            }
        }
        return out;
    }

    private void columns(FileChange c, String origin) {
        if (origin == null || base.isEmpty()) {
            return;
        }
        Optional<List<String>> before = header(base.get(), origin);
        Optional<List<String>> after = header(head, c.path());
        if (before.isEmpty() || after.isEmpty() || before.get().equals(after.get())) {
            return;
        }
        List<String> added = after.get().stream().filter(x -> !before.get().contains(x)).toList();
        List<String> removed = before.get().stream().filter(x -> !after.get().contains(x)).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return; // reordered
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("adds " + DocumentedChanges.list(added.stream().map(SectionChanges::shortName).toList()));
        }
        if (!removed.isEmpty()) {
            parts.add("removes " + DocumentedChanges.list(removed.stream().map(SectionChanges::shortName).toList()));
        }
        changes.add(new Change(Topic.DATA_SCHEMA, "changes the columns of " + c.path() + " (" + String.join("; ",
                parts) + ")"));
    }

    private static String shortName(String name) {
        String s = name.replace('`', '\'');
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static Optional<List<String>> header(RuleContext ctx, String path) {
        Optional<FileEntry> entry = ctx.snapshot().file(path);
        if (entry.isEmpty() || entry.get().size() > DataFiles.MAX_BYTES) {
            return Optional.empty();
        }
        return ctx.snapshot().bytes(path).map(b -> TabularHeader.read(path, b))
                .filter(TabularHeader.Result::readable).map(TabularHeader.Result::columns);
    }

    private static String code(String text) {
        return InlineCode.span(text.length() > 80 ? text.substring(0, 80) + "…" : text);
    }
}
