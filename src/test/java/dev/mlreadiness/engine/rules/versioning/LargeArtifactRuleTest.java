package dev.mlreadiness.engine.rules.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.ChangeSet;
import dev.mlreadiness.engine.FileEntry;
import dev.mlreadiness.engine.RuleContext;
import dev.mlreadiness.engine.Snapshot;
import dev.mlreadiness.engine.TestRepo;
import dev.mlreadiness.engine.config.ReadinessConfig;

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
        assertThat(r.findings()).extracting(Finding::path, Finding::isNew).containsExactly(
                tuple("data/train.csv", false), tuple("dump.TAR.GZ", false), tuple("models/tiny.pt", false));
        assertThat(r.findings()).extracting(Finding::message).containsExactly(
                "Track data/train.csv (6.0 MiB, over the 5.0 MiB limit) with Git LFS (`git lfs track \"*.csv\"`) "
                        + "or DVC (`dvc add data/train.csv`) instead of committing it to git.",
                "Track dump.TAR.GZ (8.0 MiB, over the 5.0 MiB limit) with Git LFS (`git lfs track \"*.tar.gz\"`) "
                        + "or DVC (`dvc add dump.TAR.GZ`) instead of committing it to git.",
                "Track models/tiny.pt (under 0.01 MiB of model weights) with Git LFS (`git lfs track \"*.pt\"`) "
                        + "or DVC (`dvc add models/tiny.pt`) instead of committing it to git.");
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
        assertThat(new LargeArtifactRule().reads(ctx)).containsExactly("models/m.pt");
    }

    @Test
    void sizesForPeople() {
        assertThat(LargeArtifactRule.mib(0)).isEqualTo("0.0 MiB");
        assertThat(LargeArtifactRule.mib(52_000)).isEqualTo("0.05 MiB");
        assertThat(LargeArtifactRule.mib(200)).isEqualTo("under 0.01 MiB");
        assertThat(LargeArtifactRule.mib(12 * MIB + MIB / 3)).isEqualTo("12.3 MiB");
    }
}
