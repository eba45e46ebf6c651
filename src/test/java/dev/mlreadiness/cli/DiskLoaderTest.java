package dev.mlreadiness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mlreadiness.engine.snapshot.FileEntry;

class DiskLoaderTest {

    @Test
    void loadAllReadsManyFilesWhole(@TempDir Path tmp) throws Exception {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Path p = tmp.resolve("d" + (i % 7) + "/f" + i + ".py");
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x = " + i + "\n", StandardCharsets.UTF_8);
            files.add(new FileEntry(tmp.relativize(p).toString(), -1));
        }
        files.add(new FileEntry("missing.py", 3));

        Map<String, byte[]> got = new DiskLoader(tmp).loadAll(files);

        assertThat(got).hasSize(200).doesNotContainKey("missing.py");
        assertThat(new String(got.get("d0/f0.py"), StandardCharsets.UTF_8)).isEqualTo("x = 0\n");
        assertThat(new String(got.get("d3/f199.py"), StandardCharsets.UTF_8)).isEqualTo("x = 199\n");
    }

    @Test
    void loadAllOfAFewFilesGivesTheSameAnswer(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("a.md"), "# A\n", StandardCharsets.UTF_8);

        Map<String, byte[]> got = new DiskLoader(tmp).loadAll(
                List.of(new FileEntry("a.md", 4), new FileEntry("b.md", 4)));

        assertThat(got.keySet()).containsExactly("a.md");
        assertThat(new String(got.get("a.md"), StandardCharsets.UTF_8)).isEqualTo("# A\n");
    }
}
