package dev.mlreadiness.github.snapshot;

/**
 * One file content to read from GitHub.
 *
 * @param ref the commit SHA the path is read at
 * @param path repository-relative path
 * @param blobId the blob id when the tree gave it (the cache key), else null
 */
public record BlobKey(String ref, String path, String blobId) {
}
