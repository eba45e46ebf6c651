package dev.mlreadiness.github;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.github.publish.CheckRunPublisher;
import dev.mlreadiness.github.publish.Publication;
import dev.mlreadiness.github.queue.PullRequestKey;
import dev.mlreadiness.github.snapshot.RunsInProgress;

/**
 * Completes the app's check runs that a stopped app left in progress on a head: after a crash nothing else would,
 * and a required check in progress blocks merging for good. Asked once per pull request per process: the runs this
 * process starts, it completes itself. The question rides on the evaluation's first GraphQL request
 * ({@link #lookup}); only when it finds runs in progress (or cannot tell) are they listed and completed over REST,
 * so the usual answer, none, costs no request.
 */
@ApplicationScoped
public class StaleCheckRuns {

    private static final Logger LOG = Logger.getLogger(StaleCheckRuns.class);
    /** Pull requests remembered as checked; beyond, the oldest is checked again on its next event. */
    static final int REMEMBERED = 10_000;

    static final String REASON = "the app stopped during this evaluation, before it could finish";

    private final Publication publication;
    private final Optional<String> appId;
    private final Set<PullRequestKey> checked = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PullRequestKey, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    public StaleCheckRuns(Publication publication,
            @ConfigProperty(name = "quarkus.github-app.app-id") Optional<String> appId) {
        this.publication = publication;
        this.appId = appId;
    }

    /**
     * What to ask in the evaluation's first GraphQL request, the first time this process reviews the pull request;
     * empty afterwards.
     */
    public Optional<RunsInProgress> lookup(PullRequestKey key, String headSha) {
        synchronized (checked) {
            if (checked.contains(key)) {
                return Optional.empty();
            }
        }
        return Optional.of(new RunsInProgress(headSha, CheckRunPublisher.NAME, appId.flatMap(StaleCheckRuns::number)));
    }

    private static Optional<Long> number(String id) {
        try {
            return Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Completes the app's runs in progress on {@code headSha} that no live worker holds, the first time this
     * process reviews the pull request; never throws (the evaluation goes on whatever happens here).
     *
     * @param listed the runs in progress the {@linkplain #lookup lookup} found before this evaluation started its
     *        own; none: nothing to do. Empty when not known: they are listed here
     */
    public void complete(GHRepository repo, PullRequestKey key, String headSha, LongPredicate held,
            Optional<List<Long>> listed) {
        synchronized (checked) {
            if (!checked.add(key)) {
                return;
            }
        }
        if (listed.isPresent() && listed.get().isEmpty()) {
            return; // none was left in progress
        }
        try {
            for (GHCheckRun run : repo.getCheckRuns(headSha, query())) {
                if (run.getStatus() != GHCheckRun.Status.COMPLETED && ours(run) && !held.test(run.getId())) {
                    LOG.infof("%s: check run %d on %s was left in progress, completing it", key, run.getId(),
                            ShortSha.of(headSha));
                    publication.couldNotEvaluate(repo, run, REASON);
                }
            }
        } catch (IOException | RuntimeException e) {
            synchronized (checked) {
                checked.remove(key);
            }
            LOG.warnf("%s: could not look for check runs left in progress: %s", key, e.getMessage());
        }
    }

    /**
     * Completes the run a replica that died left in progress on a job this process took over (its lease expired,
     * so no live worker holds it), whatever head it was on; never throws.
     *
     * @return whether the run is completed now (or was no longer in progress); false when completing it failed, so
     *         that the queue keeps it and completes it later
     */
    public boolean completeAbandoned(GHRepository repo, PullRequestKey key, long runId, String headSha) {
        if (headSha == null) {
            LOG.warnf("%s: check run %d was left in progress on an unknown commit, it cannot be looked up", key, runId);
            return false;
        }
        try {
            for (GHCheckRun run : repo.getCheckRuns(headSha, query())) {
                if (run.getId() == runId && run.getStatus() != GHCheckRun.Status.COMPLETED && ours(run)) {
                    LOG.infof("%s: check run %d was left in progress by a replica that stopped, completing it",
                            key, runId);
                    return publication.couldNotEvaluate(repo, run, REASON);
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("%s: could not complete check run %d left in progress: %s", key, runId, e.getMessage());
            return false;
        }
    }

    /** The app's runs in progress of every name's history ({@code filter=all}: GitHub lists the latest only). */
    private Map<String, Object> query() {
        return appId.<Map<String, Object>> map(id -> Map.of("check_name", CheckRunPublisher.NAME, "status",
                "in_progress", "filter", "all", "app_id", id))
                .orElse(Map.of("check_name", CheckRunPublisher.NAME, "status", "in_progress", "filter", "all"));
    }

    /** GitHub filters by app already; the name alone could be another app's check of the same name. */
    private boolean ours(GHCheckRun run) {
        return CheckRunPublisher.NAME.equals(run.getName())
                && (appId.isEmpty() || run.getApp() != null && appId.get().equals(Long.toString(run.getApp().getId())));
    }
}
