package dev.mlreadiness.github.push;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Scans of default branches on push ({@code ml-readiness.push.*}). */
@ConfigMapping(prefix = "ml-readiness.push")
public interface PushSettings {

    /** Whether pushes to a default branch are scanned at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Scans that run at once, each of another repository, beside the pull request workers: scores are for an
     * overview, reviews are what people wait for.
     */
    @WithDefault("1")
    int workers();
}
