package dev.mlreadiness.engine.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mlreadiness.engine.python.Argument;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.PythonModule;
import dev.mlreadiness.engine.python.ValueFlow;
import dev.mlreadiness.engine.python.ValueKind;
import dev.mlreadiness.engine.repo.DvcTracking;
import dev.mlreadiness.engine.rule.RuleContext;

/**
 * Finds evaluation on held-out data by what the code does, for {@link CodeEvidence#heldOutEvaluation()}, and
 * scoring on the training data, for {@link CodeEvidence#trainingDataScoring()}.
 *
 * <p>
 * Held-out data are the names and strings {@link HeldOutNames} recognises ({@code X_test}, {@code val_loader},
 * {@code "data/test.csv"}, {@code split="validation"}) and what {@link ValueFlow} carries them to
 * ({@code df = pd.read_csv("test.csv")} makes {@code df} held out; {@code for x, y in val_loader:} makes
 * {@code x} and {@code y} held out; {@code X_train, X_val = split(data, n_val)} makes neither, a name for training
 * data saying the value is split apart). Held-out evaluation is any of:
 * <ul>
 * <li>an evaluation call that held-out data reaches: a metric ({@code sklearn.metrics}, {@code torchmetrics},
 * {@code evaluate}, keras metrics), a {@code .score(} or {@code .evaluate(}, a loss ({@code criterion(},
 * {@code loss_fn(}, {@code F.cross_entropy(}), a function named for a measurement ({@code compute_map},
 * {@code accuracy}, {@code f1}), for an evaluation ({@code evaluate_model}, {@code validate},
 * {@code test(model, test_loader)}), a comparison of predictions with held-out labels
 * ({@code pred.eq(y_test)}), or a method of an object named for an evaluation ({@code metric.add_batch(},
 * {@code evaluator.process(});</li>
 * <li>a measurement assigned from held-out data ({@code correct += (pred == labels).sum()} in a loop over the
 * test loader, {@code loss = outputs.loss}), or a name for a held-out measurement ({@code val_loss},
 * {@code test_acc}) assigned from held-out data or an evaluation call;</li>
 * <li>a validation set handed to training, on which the library reports the loss or metrics every epoch:
 * {@code validation_split=}, {@code validation_data=}, {@code eval_set=}, {@code eval_dataset=},
 * {@code valid_sets=}, {@code evals=}, {@code val_dataloaders=}, or a held-out loader as the third
 * positional argument of {@code fit} (Lightning);</li>
 * <li>cross-validation that scores: {@code cross_val_score}, {@code cross_validate}, {@code learning_curve},
 * {@code validation_curve}, {@code permutation_test_score}, {@code *SearchCV};</li>
 * <li>a {@code validation_step} or {@code test_step} method (Lightning, Keras);</li>
 * <li>a {@code dvc.yaml} stage named or run as an evaluation ({@code evaluate}, {@code eval}, {@code test},
 * {@code validate}, {@code score}) whose {@code deps} name a held-out file or folder.</li>
 * </ul>
 * Scoring on the training data is an evaluation call (not a loss) that no held-out data reaches, whose positional
 * arguments are those of a {@code .fit(} call of the same file ({@code model.score(X, y)} after
 * {@code model.fit(X, y)}) or include a name for training data ({@code X_train}).
 */
final class HeldOutReader {

    /** Arguments that hand a validation set to training: {@link EvidenceReader#VALIDATION_ARGUMENTS} and more. */
    private static final List<String> HELD_OUT_ARGUMENTS = Stream.concat(EvidenceReader.VALIDATION_ARGUMENTS.stream(),
            Stream.of("evals", "val_dataloaders")).toList();
    private static final Set<String> CROSS_VALIDATION = Set.of("cross_val_score", "cross_validate", "learning_curve",
            "validation_curve", "permutation_test_score");
    private static final Set<String> STEP_METHODS = Set.of("validation_step", "test_step");
    /** Words of a callee that make it an evaluation. */
    private static final Set<String> EVALUATING = Set.of("evaluate", "evaluation", "evaluator", "validate",
            "validation", "validator", "criterion", "entropy", "scorer", "meter", "eq", "equal");
    /**
     * A callee whose first word is one of these evaluates, unless it names data: {@code val_epoch}, not
     * {@code test_loader}.
     */
    private static final Set<String> HELD_OUT_FIRST = Set.of("test", "val", "valid", "eval");
    private static final Set<String> NOT_EVALUATING = Set.of("error", "errors", "correct");
    private static final Set<String> LOSSES = Set.of("loss", "losses", "criterion", "entropy");
    private static final Set<String> EVALUATION_STAGE = Set.of("evaluate", "evaluation", "eval", "test", "validate",
            "validation", "score", "scoring");
    private static final int MAX_SHOWN = 60;

    private final CodeFile file;
    private final CodeEvidence out;
    /** Answers per name, string and callee: a file repeats the same few hundred many times. */
    private final Map<String, Boolean> heldOutNames = new HashMap<>();
    private final Map<String, Boolean> heldOutStrings = new HashMap<>();
    private final Map<String, Boolean> trainingNames = new HashMap<>();
    private final Map<String, Boolean> evaluations = new HashMap<>();
    private final Map<String, Boolean> measuredNames = new HashMap<>();

    private HeldOutReader(CodeFile file, CodeEvidence out) {
        this.file = file;
        this.out = out;
    }

    static void read(CodeFile file, CodeEvidence out) {
        new HeldOutReader(file, out).read();
    }

    private void read() {
        PythonModule module = file.module();
        ValueFlow.Result flow = ValueFlow.trace(module,
                name -> heldOutNames.computeIfAbsent(name, HeldOutNames::isHeldOutName),
                string -> heldOutStrings.computeIfAbsent(string, HeldOutNames::isHeldOutString),
                name -> trainingNames.computeIfAbsent(name, HeldOutNames::isTrainingName));
        Set<List<String>> fitted = new HashSet<>();
        for (Call c : module.calls()) {
            if (c.simpleName().equals("fit") && file.isMethodOnValue(c) && !c.positional().isEmpty()) {
                fitted.add(texts(c));
            }
        }
        for (ValueFlow.CallFlow cf : flow.calls()) {
            call(cf.call(), cf.reached(), fitted);
        }
        for (ValueFlow.Binding b : flow.bindings()) {
            binding(b);
        }
        for (String step : STEP_METHODS) {
            if (module.definedFunctions().contains(step)) {
                add(out.heldOutEvaluation, definitionLine(module, step), "def " + step);
            }
        }
    }

    private void call(Call c, boolean reached, Set<List<String>> fitted) {
        String name = c.simpleName();
        boolean evaluation = isEvaluation(c);
        boolean crossValidates = CROSS_VALIDATION.contains(name) || name.endsWith("SearchCV");
        if (crossValidates || (reached && evaluation && !EvidenceReader.SPLITS.contains(name))) {
            add(out.heldOutEvaluation, c.line(), c.callee() + "(");
        }
        for (String argument : HELD_OUT_ARGUMENTS) {
            Argument a = c.keyword(argument);
            if (a != null && a.kind() != ValueKind.NONE && !EvidenceReader.isZero(a)) {
                add(out.heldOutEvaluation, c.line(), argument + "=");
            }
        }
        if (name.equals("fit") && c.positional().size() > 2 && c.positional().subList(2, c.positional().size())
                .stream().anyMatch(a -> a.kind() == ValueKind.NAME && HeldOutNames.isHeldOutName(last(a.text())))) {
            add(out.heldOutEvaluation, c.line(), c.callee() + "(");
        }
        if (!reached && evaluation && !crossValidates && !c.positional().isEmpty() && !isLoss(name)
                && (fitted.contains(texts(c)) || c.positional().stream().anyMatch(
                        a -> a.kind() == ValueKind.NAME && HeldOutNames.isTrainingName(last(a.text()))))) {
            String shown = c.callee() + "(" + String.join(", ", texts(c)) + ")";
            add(out.trainingDataScoring, c.line(), shown.length() > MAX_SHOWN ? c.callee() + "(...)" : shown);
        }
    }

    private void binding(ValueFlow.Binding b) {
        for (String target : b.targets()) {
            String name = last(target);
            boolean measured = measuredNames.computeIfAbsent(name, HeldOutNames::namesEvaluation);
            if (measured && (b.reached() || (HeldOutNames.isHeldOutName(name)
                    && b.valueCalls().stream().anyMatch(this::isEvaluation)))) {
                add(out.heldOutEvaluation, b.line(), target + " =");
                return;
            }
        }
    }

    /** A call that measures a model: a metric, a score, a loss, an evaluation routine (see the class comment). */
    private boolean isEvaluation(Call c) {
        return evaluations.computeIfAbsent(c.callee(), callee -> measures(c));
    }

    /** {@link #isEvaluation}, which depends on the callee alone (its imports are the file's). */
    private boolean measures(Call c) {
        if (EvidenceReader.isMetric(c, file.qualifiedNames(c), file.isMethodOnValue(c))) {
            return true;
        }
        String name = c.simpleName();
        List<String> words = HeldOutNames.words(name);
        if (words.stream().anyMatch(HeldOutReader::isEvaluationWord)) {
            return true;
        }
        if (!words.isEmpty() && HELD_OUT_FIRST.contains(words.get(0))
                && words.stream().noneMatch(HeldOutNames.DATA::contains)) {
            return true;
        }
        String callee = c.callee();
        int dot = callee.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        for (String receiver : callee.substring(0, dot).split("\\.")) {
            if (HeldOutNames.words(receiver).stream().anyMatch(HeldOutReader::isEvaluationWord)) {
                return true;
            }
        }
        return false;
    }

    /** A word of a callee that makes it an evaluation; {@code log.error(} and {@code correct(} are none. */
    private static boolean isEvaluationWord(String word) {
        return EVALUATING.contains(word)
                || (HeldOutNames.isEvaluationWord(word) && !NOT_EVALUATING.contains(HeldOutNames.stripDigits(word)));
    }

    private static boolean isLoss(String name) {
        return HeldOutNames.words(name).stream().anyMatch(LOSSES::contains);
    }

    /**
     * The {@code dvc.yaml} stages that evaluate a held-out file: named or run as an evaluation, with a held-out
     * path among their {@code deps} ({@code foreach} stages are read through their {@code do}).
     */
    static void readDvc(RuleContext ctx, CodeEvidence out) {
        for (String path : dvcFiles(ctx)) {
            ctx.parse(path, DvcTracking.YAML).ifPresent(root -> {
                Iterator<Map.Entry<String, JsonNode>> stages = root.path("stages").fields();
                while (stages.hasNext()) {
                    Map.Entry<String, JsonNode> stage = stages.next();
                    JsonNode body = stage.getValue().has("do") ? stage.getValue().path("do") : stage.getValue();
                    if (isEvaluationStage(stage.getKey(), body) && hasHeldOutDependency(body)) {
                        out.heldOutEvaluation.add(new Evidence(path, 1, "stage " + stage.getKey()));
                    }
                }
            });
        }
    }

    /** The {@code dvc.yaml} files of the tree. */
    static List<String> dvcFiles(RuleContext ctx) {
        return DvcTracking.files(ctx.snapshot()).stream()
                .filter(p -> p.equals("dvc.yaml") || p.endsWith("/dvc.yaml")).toList();
    }

    private static boolean isEvaluationStage(String name, JsonNode stage) {
        List<String> words = new ArrayList<>(HeldOutNames.words(name));
        JsonNode cmd = stage.path("cmd");
        Iterable<JsonNode> parts = cmd.isArray() ? cmd : List.of(cmd);
        for (JsonNode part : parts) {
            if (part.isTextual()) {
                words.addAll(HeldOutNames.words(part.asText()));
            }
        }
        return words.stream().anyMatch(EVALUATION_STAGE::contains);
    }

    private static boolean hasHeldOutDependency(JsonNode stage) {
        for (JsonNode dep : stage.path("deps")) {
            String path = dep.isTextual() ? dep.asText() : dep.path("path").asText("");
            if (HeldOutNames.isHeldOutString(path)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(Call c) {
        return c.positional().stream().map(Argument::text).toList();
    }

    private static String last(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /** The line of {@code def name}, for a name {@link PythonModule#definedFunctions()} holds. */
    private static int definitionLine(PythonModule module, String name) {
        int line = module.definitionLine(name);
        return line < 0 ? 1 : line;
    }

    private void add(List<Evidence> list, int moduleLine, String what) {
        list.add(new Evidence(file.path(), file.fileLine(moduleLine), what));
    }
}
