package dev.mlreadiness.github.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * A pull request read through the GitHub API: its change, the head tree, the base tree derived from it, and the
 * shared contents both trees load from.
 */
public record PullRequestSnapshot(String headSha, String baseSha, ChangeSet changes, Snapshot head, Snapshot base,
        PullRequestContents contents) {

    /** Whether reading these head paths would ask GitHub nothing: each is known, or not in the head. */
    public boolean knownInHead(Collection<String> headPaths) {
        return headPaths.stream().allMatch(p -> head.file(p)
                .map(f -> contents.known(new BlobKey(headSha, p, f.blobId()))).orElse(true));
    }

    /** Loads the given head and base paths together, in one request for everything not cached. */
    public void prefetch(Collection<String> headPaths, Collection<String> basePaths) throws IOException {
        List<BlobKey> keys = new ArrayList<>();
        for (String p : headPaths) {
            head.file(p).ifPresent(f -> keys.add(new BlobKey(headSha, p, f.blobId())));
        }
        for (String p : basePaths) {
            base.file(p).ifPresent(f -> keys.add(new BlobKey(baseSha, p, f.blobId())));
        }
        contents.prefetch(keys);
        // the snapshots keep their own record of what was loaded; these reads now come from the cache
        head.prefetch(headPaths);
        base.prefetch(basePaths);
    }
}
