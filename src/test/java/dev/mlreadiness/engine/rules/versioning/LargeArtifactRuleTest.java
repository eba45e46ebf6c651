package dev.mlreadiness.engine.rules.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

class LargeArtifactRuleTest {

    private static final long MIB = 1024 * 1024;
    private static final String POINTER = "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 99999999\n";

    private final LargeArtifactRule rule = new LargeArtifactRule();

    @Test
    void dataOverTheLimitAndWeightsAtAnySize() {
        Report r = TestRepo.create()
                .file("data/train.csv", 6 * MIB)
                .file("data/small.csv", 5 * MIB) // exactly the limit is not over it
                .file("models/tiny.pt", 2048)
                .file("dump.TAR.GZ", 8 * MIB)
                .file("logs.gz", 80 * MIB)
                .file("src/train.py", 9 * MIB)
                .scan(rule);
        // any file over the limit that is not source code: an 80 MiB log archive too (amendment)
        assertThat(r.findings()).extracting(Finding::path, Finding::isNew).containsExactly(
                tuple("data/train.csv", false), tuple("dump.TAR.GZ", false), tuple("logs.gz", false),
                tuple("models/tiny.pt", false));
        assertThat(r.findings()).filteredOn(f -> !f.path().equals("logs.gz")).extracting(Finding::message)
                .containsExactly(
                        "Track data/train.csv (6.0 MiB, over the 5.0 MiB limit) with Git LFS (`git lfs track \"*.csv\"`) "
                                + "or DVC (`dvc add data/train.csv`) instead of committing it to git.",
                        "Track dump.TAR.GZ (8.0 MiB, over the 5.0 MiB limit) with Git LFS (`git lfs track \"*.tar.gz\"`) "
                                + "or DVC (`dvc add dump.TAR.GZ`) instead of committing it to git.",
                        "Track models/tiny.pt (under 0.01 MiB of model weights) with Git LFS (`git lfs track \"*.pt\"`) "
                                + "or DVC (`dvc add models/tiny.pt`) instead of committing it to git.");
    }

    @Test
    void anyFileOverTheLimitThatIsNotSourceCode() {
        Report r = TestRepo.create()
                .file("data/dataset.json", 6 * MIB)
                .file("data/small.json", 4 * MIB) // under the default 5 MiB: the extension alone says nothing
                .file("data/corpus.txt", 6 * MIB)
                .file("docs/paper.pdf", 7 * MIB)
                .file("bin/tool", 20 * MIB)
                .file("src/generated_tables.py", 9 * MIB)
                .file("notebooks/eda.ipynb", 12 * MIB)
                .file("web/app.min.js", 6 * MIB)
                .file("docs/book.md", 6 * MIB)
                .file("frontend/package-lock.json", 8 * MIB)
                .file("poetry.lock", 6 * MIB)
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::path).containsExactly("bin/tool", "data/corpus.txt",
                "data/dataset.json", "docs/paper.pdf");
        assertThat(r.findings()).extracting(Finding::message).contains(
                "Track data/dataset.json (6.0 MiB, over the 5.0 MiB limit) with Git LFS (`git lfs track \"*.json\"`) "
                        + "or DVC (`dvc add data/dataset.json`) instead of committing it to git.",
                "Track bin/tool (20.0 MiB, over the 5.0 MiB limit) with Git LFS (`git lfs track \"bin/tool\"`) "
                        + "or DVC (`dvc add bin/tool`) instead of committing it to git.");

        Report lower = TestRepo.create().config("enabled: true\nmax-file-size: 1MB\n")
                .file("data/small.json", 4 * MIB).scan(rule);
        assertThat(lower.findings()).extracting(Finding::path).containsExactly("data/small.json");
    }

    @Test
    void binAndH5AreWeightsAtAnySizeOnlyUnderTheModelsFolder() {
        Report r = TestRepo.create()
                .file("models/tokenizer/vocab.bin", 2048)
                .file("models/keras/model.H5", 4096)
                .file("data/features.h5", 2048)
                .file("data/measurements.h5", 6 * MIB)
                .file("assets/sprite.bin", 100)
                .file("checkpoints/last.ckpt", 100)
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::path).containsExactly("checkpoints/last.ckpt",
                "data/measurements.h5", "models/keras/model.H5", "models/tokenizer/vocab.bin");
        assertThat(r.findings()).extracting(Finding::message).filteredOn(m -> m.contains("measurements"))
                .singleElement().asString().contains("(6.0 MiB, over the 5.0 MiB limit)");
        assertThat(r.findings()).extracting(Finding::message).filteredOn(m -> m.contains("vocab"))
                .singleElement().asString().contains("(under 0.01 MiB of model weights)");

        Report configured = TestRepo.create().config("enabled: true\npaths: {models: artifacts}\n")
                .file("artifacts/m.h5", 2048).file("models/m.h5", 2048).scan(rule);
        assertThat(configured.findings()).extracting(Finding::path).containsExactly("artifacts/m.h5");
    }

    @Test
    void pullRequestAddingLargeNonCodeFilesAndSmallAmbiguousOnes() {
        Report r = TestRepo.create().file("data/big.json", 6 * MIB).file("data/kept.json", 6 * MIB)
                .change().add("data/new.xlsx", 9 * MIB).add("data/cache.h5", 2048).add("models/clf.bin", 2048)
                .add("notebooks/heavy.ipynb", 30 * MIB).modify("data/big.json", "{}").evaluate(rule);
        // the modified JSON keeps its declared 6 MiB: a new version of it is stored; the untouched one is not read
        assertThat(r.findings()).extracting(Finding::path, Finding::isNew).containsExactly(
                tuple("data/big.json", true), tuple("data/new.xlsx", true), tuple("models/clf.bin", true));
    }

    @Test
    void maxFileSizeComesFromConfigInBinaryUnits() {
        Report r = TestRepo.create().config("enabled: true\nmax-file-size: 1MB\n")
                .file("a.parquet", MIB + 1).file("b.parquet", MIB).scan(rule);
        assertThat(r.findings()).extracting(Finding::path).containsExactly("a.parquet");
        assertThat(r.findings().get(0).message()).contains("(1.0 MiB, over the 1.0 MiB limit)");
    }

    @Test
    void lfsPointersLfsAttributesAndDvcAreFine() {
        Report r = TestRepo.create()
                .file("models/pointer.pt", POINTER)
                .file(".gitattributes", "*.safetensors filter=lfs diff=lfs merge=lfs -text\n")
                .file("models/a/b.safetensors", 50 * MIB)
                .file("data/.gitattributes", "raw/** filter=lfs\n")
                .file("data/raw/big.csv", 50 * MIB)
                .file("data/processed/big.csv", 50 * MIB)
                .file("data/processed/big.csv.dvc", "outs:\n- path: big.csv\n")
                .file("features.dvc", "outs:\n- path: features\n")
                .file("features/x.npy", 50 * MIB)
                .file("dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    outs:\n      - models/final.onnx\n")
                .file("models/final.onnx", 50 * MIB)
                .scan(rule);
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void nearMissesOfTheExclusionsStillCount() {
        Report r = TestRepo.create()
                .file("models/fake.pt", "version 1\n") // small but not a pointer
                .file(".gitattributes", "*.pth filter=lfs\n*.ckpt filter=lfs\nlast.ckpt -filter\n")
                .file("models/x.pt", 10)
                .file("models/last.ckpt", 10)
                .file("other.csv.dvc", "outs:\n- path: other.csv\n")
                .file("data/big.csv", 50 * MIB)
                .scan(rule);
        assertThat(r.findings()).extracting(Finding::path).containsExactly("data/big.csv", "models/fake.pt",
                "models/last.ckpt", "models/x.pt");
    }

    @Test
    void pullRequestJudgesWrittenFilesIncludingModifiedOnesButNotUntouchedOnes() {
        Report r = TestRepo.create().file("data/old.csv", 50 * MIB).file("data/kept.csv", 50 * MIB)
                .change().add("models/m.pth", 30 * MIB).modify("data/old.csv", "a,b\n").add("data/new.csv", 7 * MIB)
                .evaluate(rule);
        assertThat(r.findings()).extracting(Finding::path, Finding::isNew).containsExactly(
                tuple("data/new.csv", true), tuple("data/old.csv", true), tuple("models/m.pth", true));
    }

    @Test
    void opensOnlySmallFilesThatWouldBeFlaggedToLookForAPointer() {
        Snapshot tree = Snapshot.of(List.of(new FileEntry("data/small.csv", 120), new FileEntry("models/m.pt", 130),
                new FileEntry("models/big.pt", 50 * MIB), new FileEntry("src/a.py", 100)), f -> Optional.empty());
        RuleContext ctx = new RuleContext(tree, ChangeSet.fullScan(), ReadinessConfig.defaults(),
                RuleContext.Side.HEAD);
        // a small CSV is never flagged, so it is never read; a big file cannot be a 130-byte pointer
        assertThat(new LargeArtifactRule().reads().select(ctx)).containsExactly("models/m.pt");
    }

    @Test
    void sizesForPeople() {
        assertThat(LargeArtifactRule.mib(0)).isEqualTo("0.0 MiB");
        assertThat(LargeArtifactRule.mib(52_000)).isEqualTo("0.05 MiB");
        assertThat(LargeArtifactRule.mib(200)).isEqualTo("under 0.01 MiB");
        assertThat(LargeArtifactRule.mib(12 * MIB + MIB / 3)).isEqualTo("12.3 MiB");
    }
}
