package dev.mlreadiness.engine.repo;

import java.nio.charset.StandardCharsets;

/**
 * Recognises a Git LFS pointer file: the small text file git stores in place of a large file tracked by LFS.
 * Only files under {@link #MAX_SIZE} bytes are worth reading, so callers check the size before loading content.
 */
public final class LfsPointer {

    /** Pointers are about 130 bytes; anything of 1 KiB or more is not one. */
    public static final long MAX_SIZE = 1024;

    private static final String[] HEADERS = {
            "version https://git-lfs.github.com/spec/v1",
            "version https://hawser.github.com/spec/v1" // pointers written by LFS before 1.0
    };

    private LfsPointer() {
    }

    /** True when the file is small enough to be a pointer, so reading it to check is worth it. */
    public static boolean mayBePointer(long size) {
        return size >= 0 && size < MAX_SIZE;
    }

    /** True when the content is an LFS pointer (starts with the pointer spec's version line). */
    public static boolean isPointer(byte[] content) {
        if (content == null || content.length >= MAX_SIZE) {
            return false;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        for (String header : HEADERS) {
            if (text.startsWith(header)) {
                return true;
            }
        }
        return false;
    }
}
