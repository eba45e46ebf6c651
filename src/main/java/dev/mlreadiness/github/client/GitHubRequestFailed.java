package dev.mlreadiness.github.client;

import org.kohsuke.github.GHIOException;

/**
 * A GitHub request that got no answer, after its retries. Not a socket error on purpose: github-api tries
 * {@link java.net.SocketException}s again by itself, which would multiply the retries already made; and it passes
 * its own {@link GHIOException} on to the caller as it is, message included.
 */
public final class GitHubRequestFailed extends GHIOException {

    GitHubRequestFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
