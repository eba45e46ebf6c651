package dev.mlreadiness.engine.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.mlreadiness.engine.TextLines;

/**
 * A repository tree at one point in time: every file with its size, contents read lazily, each file at most
 * once. Knows nothing of where contents come from (see {@link ContentLoader}).
 */
public final class Snapshot {

    private static final byte[] MISSING = new byte[0];

    private final TreeMap<String, FileEntry> files;
    private final ContentLoader loader;
    private final boolean truncated;
    private final Map<String, byte[]> contents;
    private final AtomicInteger loads;

    private Snapshot(TreeMap<String, FileEntry> files, ContentLoader loader, boolean truncated,
            Map<String, byte[]> contents, AtomicInteger loads) {
        this.files = files;
        this.loader = loader;
        this.truncated = truncated;
        this.contents = contents;
        this.loads = loads;
    }

    /**
     * @param truncated true when the source could not list the whole tree (GitHub truncates very large trees);
     *        rules about missing files then have less to go on and reports say so
     */
    public static Snapshot of(Collection<FileEntry> files, ContentLoader loader, boolean truncated) {
        TreeMap<String, FileEntry> map = new TreeMap<>();
        for (FileEntry f : files) {
            map.put(f.path(), f);
        }
        return new Snapshot(map, loader, truncated, new ConcurrentHashMap<>(), new AtomicInteger());
    }

    public static Snapshot of(Collection<FileEntry> files, ContentLoader loader) {
        return of(files, loader, false);
    }

    /**
     * A view without the files {@code keep} rejects; shares contents already read, so nothing is read twice.
     */
    public Snapshot filter(Predicate<String> keep) {
        TreeMap<String, FileEntry> kept = new TreeMap<>();
        files.forEach((p, f) -> {
            if (keep.test(p)) {
                kept.put(p, f);
            }
        });
        return new Snapshot(kept, loader, truncated, contents, loads);
    }

    public boolean truncated() {
        return truncated;
    }

    /** All files, sorted by path. */
    public Collection<FileEntry> files() {
        return Collections.unmodifiableCollection(files.values());
    }

    public Stream<FileEntry> stream() {
        return files.values().stream();
    }

    public int size() {
        return files.size();
    }

    public Optional<FileEntry> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public boolean exists(String path) {
        return files.containsKey(path);
    }

    /** Files under {@code folder} at any depth ({@code ""} is the root). */
    public Stream<FileEntry> under(String folder) {
        if (folder.isEmpty()) {
            return stream();
        }
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        return files.subMap(prefix, prefix + Character.MAX_VALUE).values().stream();
    }

    /** True when at least one file lies under {@code folder}. */
    public boolean isFolder(String folder) {
        return under(folder).findAny().isPresent();
    }

    /** How many files were loaded from the source so far (for benchmarks and request budgets). */
    public int loadCount() {
        return loads.get();
    }

    /** True when the content was already loaded (no read happens when asking for it). */
    public boolean isLoaded(String path) {
        return contents.containsKey(path);
    }

    /** The file's bytes, read at most once; empty when the file is not in this tree or gone at the source. */
    public Optional<byte[]> bytes(String path) {
        FileEntry entry = files.get(path);
        if (entry == null) {
            return Optional.empty();
        }
        byte[] b = contents.computeIfAbsent(path, p -> {
            try {
                loads.incrementAndGet();
                return loader.load(entry).orElse(MISSING);
            } catch (IOException e) {
                throw new SnapshotReadException("could not read " + p + ": " + e.getMessage(), e);
            }
        });
        return b == MISSING ? Optional.empty() : Optional.of(b);
    }

    /** The file as text (UTF-8, malformed bytes replaced); empty for missing files and binary content. */
    public Optional<String> text(String path) {
        return bytes(path).filter(b -> !isBinary(b)).map(Snapshot::decode);
    }

    /**
     * Loads the given files in one go where the loader can batch (one API round trip instead of many). Files
     * already loaded or not in the tree are left out.
     */
    public void prefetch(Collection<String> paths) {
        List<FileEntry> wanted = new ArrayList<>();
        for (String p : paths) {
            FileEntry f = files.get(p);
            if (f != null && !contents.containsKey(p)) {
                wanted.add(f);
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        try {
            loads.addAndGet(wanted.size());
            Map<String, byte[]> got = loader.loadAll(wanted);
            for (FileEntry f : wanted) {
                contents.putIfAbsent(f.path(), got.getOrDefault(f.path(), MISSING));
            }
        } catch (IOException e) {
            throw new SnapshotReadException("could not read " + wanted.size() + " files: " + e.getMessage(), e);
        }
    }

    /** Git's heuristic: a NUL byte in the first 8000 bytes means binary. */
    public static boolean isBinary(byte[] content) {
        int n = Math.min(content.length, 8000);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    public static String decode(byte[] content) {
        int start = TextLines.hasByteOrderMark(content) ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(content, start, content.length - start)).toString();
        } catch (CharacterCodingException e) {
            // cannot happen with REPLACE; keep the compiler honest
            return new String(content, start, content.length - start, StandardCharsets.UTF_8);
        }
    }
}
