package dev.mlreadiness.engine.snapshot;

/**
 * A file of the tree.
 *
 * @param path repository-relative, with forward slashes and no leading slash
 * @param size bytes, or -1 when unknown
 * @param blobId the content's git blob id when known (lets loaders cache by content), else null
 */
public record FileEntry(String path, long size, String blobId) {

    public FileEntry(String path, long size) {
        this(path, size, null);
    }

    /** The last path segment. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The folder, without trailing slash; empty at the root. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
