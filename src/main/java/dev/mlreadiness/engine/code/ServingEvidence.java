package dev.mlreadiness.engine.code;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.mlreadiness.engine.config.ReadinessConfig.Project;
import dev.mlreadiness.engine.docker.Dockerfile;
import dev.mlreadiness.engine.python.Call;
import dev.mlreadiness.engine.python.Import;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * Whether the repository serves a model, which is when the rules about serving one ({@code docs/deployment},
 * {@code production/monitoring}) apply. Config decides first ({@code project: service} yes, {@code project:
 * research} no); under {@code project: auto} (the default) the repository serves a model when it has:
 * <ul>
 * <li>a Dockerfile ({@code Dockerfile}, {@code Dockerfile.*}, {@code *.Dockerfile}, {@code Containerfile}),
 * except a development container ({@code .devcontainer/}) or one whose name says it is for training,
 * development, tests or notebooks ({@code Dockerfile.train}, {@code dev.Dockerfile});</li>
 * <li>a serving config: {@code bentofile.yaml}, Triton's {@code config.pbtxt}, Replicate's {@code cog.yaml},
 * MLServer's {@code model-settings.json}, a Ray Serve {@code serve_config.yaml}, a {@code Procfile};</li>
 * <li>a serving entry point: a Python or shell file named {@code serve}, {@code serving}, {@code server},
 * {@code deploy}, {@code deployment}, or starting {@code serve_} or {@code deploy_}; or a {@code handler.py}
 * at the root (Hugging Face Inference Endpoints, TorchServe, AWS Lambda);</li>
 * <li>code importing a model server ({@link #MODEL_SERVERS}: BentoML, Ray Serve, TorchServe, Seldon, KServe,
 * MLServer, Triton, LitServe, Cog);</li>
 * <li>code importing a web or demo framework ({@link #WEB_FRAMEWORKS}: FastAPI, Flask, Django, Gradio,
 * Streamlit, ...) in a repository whose code also loads a model ({@code joblib.load}, {@code torch.load},
 * {@code load_model}, {@code from_pretrained}, {@code onnxruntime.InferenceSession}, ...; see
 * {@link #LOADERS} and {@link #LOADER_NAMES}).</li>
 * </ul>
 * File names are judged from the tree without reading anything; code is read only when they do not decide,
 * through the shared parse of {@link CodeFiles} (imports and calls come from the Python tokenizer, so strings and
 * comments never count), the same files {@link CodeEvidence} reads. Computed once per evaluation and side.
 */
public final class ServingEvidence {

    /** Model servers, by the module path their code imports (a prefix: {@code ray.serve} covers its submodules). */
    static final Set<String> MODEL_SERVERS = Set.of("bentoml", "ray.serve", "ts.torch_handler", "seldon_core",
            "kserve", "mlserver", "triton_python_backend_utils", "tritonclient", "litserve", "cog");
    /** Web and demo frameworks: they serve a model when the repository loads one. */
    static final Set<String> WEB_FRAMEWORKS = Set.of("fastapi", "flask", "django", "starlette", "sanic", "tornado",
            "falcon", "bottle", "litestar", "aiohttp.web", "gradio", "streamlit");
    /** Calls that load a trained model, by qualified name. */
    static final Set<String> LOADERS = Set.of("joblib.load", "pickle.load", "cloudpickle.load", "dill.load",
            "torch.load", "torch.jit.load", "tensorflow.saved_model.load", "tensorflow.lite.Interpreter",
            "onnxruntime.InferenceSession", "transformers.pipeline", "spacy.load", "skops.io.load",
            "sentence_transformers.SentenceTransformer", "ultralytics.YOLO");
    /** Calls that load a trained model whatever they are called on ({@code keras.models.load_model}). */
    static final Set<String> LOADER_NAMES = Set.of("load_model", "load_weights", "load_state_dict",
            "from_pretrained", "load_learner");

    private static final Set<String> CONFIG_FILES = Set.of("bentofile.yaml", "config.pbtxt", "cog.yaml",
            "model-settings.json", "serve_config.yaml", "serve-config.yaml", "procfile");
    private static final Set<String> ENTRY_POINTS = Set.of("serve", "serving", "server", "deploy", "deployment");
    /** Words of a Dockerfile's name ({@code Dockerfile.train}, {@code dev.Dockerfile}) that say it serves nothing. */
    private static final Set<String> NOT_SERVING_IMAGES = Set.of("train", "training", "dev", "devel", "develop",
            "development", "test", "tests", "ci", "notebook", "notebooks", "jupyter");

    private final Optional<String> evidence;

    private ServingEvidence(Optional<String> evidence) {
        this.evidence = evidence;
    }

    /** The context's answer, computed on first use. */
    public static ServingEvidence of(RuleContext ctx) {
        return ctx.fact(ServingEvidence.class, ServingEvidence::compute);
    }

    /**
     * Whether the serving rules apply: {@code project: service}, or {@code auto} and the repository serves a
     * model.
     */
    public static boolean applies(RuleContext ctx) {
        return switch (ctx.config().project()) {
            case SERVICE -> true;
            case RESEARCH -> false;
            case AUTO -> of(ctx).servesModel();
        };
    }

    /** The files {@link #applies} reads: code, only when neither config nor file names decide. */
    public static Collection<String> reads(RuleContext ctx) {
        if (ctx.config().project() != Project.AUTO || fromTree(ctx.snapshot()).isPresent()) {
            return List.of();
        }
        return CodeEvidence.files(ctx);
    }

    public boolean servesModel() {
        return evidence.isPresent();
    }

    /** What shows it ("serve.py, a serving entry point"), or empty when nothing does. */
    public Optional<String> evidence() {
        return evidence;
    }

    private static ServingEvidence compute(RuleContext ctx) {
        Optional<String> tree = fromTree(ctx.snapshot());
        return new ServingEvidence(tree.isPresent() ? tree : fromCode(ctx));
    }

    private static Optional<String> fromTree(Snapshot tree) {
        for (FileEntry f : tree.files()) {
            String path = f.path();
            String name = f.name().toLowerCase(Locale.ROOT);
            if (isServingImage(path, name)) {
                return Optional.of(path + ", a container image");
            }
            if (CONFIG_FILES.contains(name)) {
                return Optional.of(path + ", a serving config");
            }
            if (isEntryPoint(path, name)) {
                return Optional.of(path + ", a serving entry point");
            }
        }
        return Optional.empty();
    }

    private static boolean isServingImage(String path, String name) {
        return Dockerfile.isDockerfile(path) && !("/" + path).contains("/.devcontainer/")
                && Arrays.stream(name.split("[._-]")).noneMatch(NOT_SERVING_IMAGES::contains);
    }

    private static boolean isEntryPoint(String path, String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !(name.endsWith(".py") || name.endsWith(".sh"))) {
            return false;
        }
        String stem = name.substring(0, dot);
        return ENTRY_POINTS.contains(stem) || stem.startsWith("serve_") || stem.startsWith("deploy_")
                || (stem.equals("handler") && path.indexOf('/') < 0);
    }

    /** What the code shows, read with {@link CodeEvidence} in the same pass over the same files. */
    private static Optional<String> fromCode(RuleContext ctx) {
        return CodeEvidence.of(ctx).serving();
    }

    /**
     * Reads the code files of {@link CodeEvidence} one at a time, in its order, for a model server's import, or a
     * web framework's import and a model's loading (in the same file or not); the first answer stands.
     */
    static final class CodeReader {
        private Evidence web;
        private Evidence loads;
        private String answer;

        void read(CodeFile code) {
            if (answer != null) {
                return;
            }
            String path = code.path();
            for (Import i : code.module().imports()) {
                String module = i.name() == null || i.name().equals("*") ? i.module() : i.module() + "." + i.name();
                if (startsWithAny(module, MODEL_SERVERS)) {
                    answer = path + " imports " + module + ", a model server";
                    return;
                }
                if (web == null && startsWithAny(module, WEB_FRAMEWORKS)) {
                    web = new Evidence(path, code.fileLine(i.line()), module);
                }
            }
            if (loads == null) {
                for (Call c : code.module().calls()) {
                    if (LOADERS.contains(c.qualifiedName()) || LOADER_NAMES.contains(c.simpleName())) {
                        loads = new Evidence(path, code.fileLine(c.line()), c.callee());
                        break;
                    }
                }
            }
            if (web != null && loads != null) {
                answer = web.path() + " imports " + web.what() + " and " + loads.path() + " loads a model ("
                        + loads.what() + ")";
            }
        }

        Optional<String> answer() {
            return Optional.ofNullable(answer);
        }
    }

    /** True when the dotted module is one of the names or lies inside one ({@code flask.json} in {@code flask}). */
    private static boolean startsWithAny(String module, Set<String> names) {
        for (String n : names) {
            if (module.equals(n) || module.startsWith(n + ".")) {
                return true;
            }
        }
        return false;
    }
}
