package dev.mlreadiness.github.queue;

import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.githubapp.GitHubClientProvider;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.github.publish.CheckRunPublisher;
import dev.mlreadiness.github.publish.Publication;

/** {@link AbandonedRuns} with the installation's client: the run is read, then completed as "Could not evaluate". */
@ApplicationScoped
public class CompleteAbandonedRuns implements AbandonedRuns {

    private static final Logger LOG = Logger.getLogger(CompleteAbandonedRuns.class);

    private final GitHubClientProvider clients;
    private final Publication publication;

    public CompleteAbandonedRuns(GitHubClientProvider clients, Publication publication) {
        this.clients = clients;
        this.publication = publication;
    }

    @Override
    public void complete(long installationId, String repository, long runId, String headSha, String reason)
            throws IOException {
        GHRepository repo = clients.getInstallationClient(installationId).getRepository(repository);
        // github-api reads a run only through its commit's list
        for (GHCheckRun run : repo.getCheckRuns(headSha, Map.of("check_name", CheckRunPublisher.NAME, "filter",
                "all"))) {
            if (run.getId() != runId || run.getStatus() == GHCheckRun.Status.COMPLETED) {
                continue;
            }
            LOG.infof("%s: check run %d was left in progress by a job that is given up, completing it", repository,
                    runId);
            if (!publication.couldNotEvaluate(repo, run, reason)) {
                throw new IOException("check run " + runId + " could not be completed");
            }
        }
    }
}
