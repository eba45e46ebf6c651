package dev.mlreadiness.github;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deployment settings of the app ({@code ml-readiness.*} in application.properties or env). */
@ConfigMapping(prefix = "ml-readiness")
public interface ReadinessSettings {

    /** Log every write to GitHub instead of making it (for trying the app on real repositories). */
    @WithDefault("false")
    boolean dryRun();

    /** The documentation folder; rule pages are {@code rules/<id>.md} below it. */
    @WithDefault("https://github.com/ml-readiness/ml-readiness/blob/main/docs/")
    String docsUrl();

    /** Bytes of file contents kept in memory across evaluations, by blob id. */
    @WithDefault("67108864")
    long blobCacheBytes();

    /**
     * The app's own login on GitHub ({@code <app slug>[bot]}): only its comments are trusted to record
     * {@code /readiness ignore} decisions.
     */
    @WithDefault("ml-readiness[bot]")
    String botLogin();

    /** Threads for GitHub requests that run side by side. */
    @WithDefault("8")
    int requestThreads();
}
