package dev.mlreadiness.github;

import java.time.Duration;

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

    /** How requests to GitHub are tried again (see {@code client.RetryPolicy}). */
    Retry retry();

    /** Retries of GitHub requests ({@code ml-readiness.retry.*}). */
    interface Retry {

        /** Tries per request, the first one included. */
        @WithDefault("5")
        int maxAttempts();

        /** The pause after the first failure; each next one doubles (with jitter) up to {@link #maxBackoff}. */
        @WithDefault("500ms")
        Duration initialBackoff();

        @WithDefault("8s")
        Duration maxBackoff();

        /** The time one evaluation may run before no request of it is tried again. */
        @WithDefault("30s")
        Duration budget();

        /** How long one request waits for GitHub's answer. */
        @WithDefault("20s")
        Duration requestTimeout();
    }

    /**
     * How a check run ends when its evaluation could not finish (GitHub kept failing, an internal error): failure,
     * so a required check does not let the change merge unreviewed, or neutral for teams that prefer not to block.
     */
    @WithDefault("failure")
    OnError onError();

    /** Conclusions of a run that could not evaluate. */
    enum OnError {
        FAILURE,
        NEUTRAL
    }
}
