package dev.mlreadiness.github.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The content of a file a pull request adds, rebuilt from its patch: every line of a new file is an added line,
 * so a complete patch is the file. Saves one request per added file. Only trusted when the result has exactly
 * the size the git tree gives, so a truncated patch or a lost trailing newline never passes for the file.
 */
public final class AddedFileContent {

    private AddedFileContent() {
    }

    /**
     * @param patch GitHub's {@code patch} of an added file (may be null: binary or too large)
     * @param expectedSize the blob size from the tree, or -1 when unknown (then nothing is trusted)
     */
    public static Optional<byte[]> rebuild(String patch, long expectedSize) {
        if (patch == null || expectedSize < 0) {
            return Optional.empty();
        }
        if (patch.isEmpty()) {
            return expectedSize == 0 ? Optional.of(new byte[0]) : Optional.empty();
        }
        String[] lines = patch.split("\n", -1);
        if (!lines[0].startsWith("@@ -0,0 +1")) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(patch.length());
        boolean newlineAtEnd = true;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("+")) {
                text.append(line, 1, line.length()).append('\n');
            } else if (line.startsWith("\\")) {
                newlineAtEnd = false; // "\ No newline at end of file"
            } else if (!(line.isEmpty() && i == lines.length - 1)) {
                return Optional.empty(); // not a whole-file addition
            }
        }
        if (!newlineAtEnd && text.length() > 0) {
            text.setLength(text.length() - 1);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return bytes.length == expectedSize ? Optional.of(bytes) : Optional.empty();
    }
}
