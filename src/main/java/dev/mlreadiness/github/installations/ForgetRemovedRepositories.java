package dev.mlreadiness.github.installations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.event.RawEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;

import dev.mlreadiness.github.queue.WorkQueues;

/**
 * Deletes what the app stores in PostgreSQL of an installation when the app is uninstalled
 * ({@code installation.deleted}), or of repositories removed from it ({@code installation_repositories.removed}):
 * their jobs, the requests (payloads) waiting in them, their delivery records, and the scores of their default
 * branches' commits. The in-memory queue stores nothing that outlives its work. GitHub sends both events to every app,
 * whatever it subscribes to.
 */
class ForgetRemovedRepositories {

    private static final Logger LOG = Logger.getLogger(ForgetRemovedRepositories.class);

    private final WorkQueues queues;

    ForgetRemovedRepositories(WorkQueues queues) {
        this.queues = queues;
    }

    // raw events: github-api's typed payloads fetch each listed repository, which the app may no longer read
    void onUninstalled(@RawEvent(event = "installation", action = "deleted") GitHubEvent event) throws SQLException {
        JsonObject root = event.getParsedPayload();
        forget(root.getJsonObject("installation").getLong("id"), names(root.getJsonArray("repositories")), true);
    }

    void onRemoved(@RawEvent(event = "installation_repositories", action = "removed") GitHubEvent event)
            throws SQLException {
        JsonObject root = event.getParsedPayload();
        forget(root.getJsonObject("installation").getLong("id"), names(root.getJsonArray("repositories_removed")),
                false);
    }

    private static List<String> names(JsonArray repositories) {
        List<String> out = new ArrayList<>();
        if (repositories != null) {
            for (int i = 0; i < repositories.size(); i++) {
                out.add(repositories.getJsonObject(i).getString("full_name"));
            }
        }
        return out;
    }

    /** Every job and commit score of the installation (when uninstalled) or of the repositories. */
    private void forget(long installation, List<String> repositories, boolean wholeInstallation) throws SQLException {
        if (!queues.postgres()) {
            return;
        }
        try (Connection c = queues.datasource().getConnection()) {
            c.setAutoCommit(false);
            try {
                int jobs = 0;
                int scores = 0;
                if (wholeInstallation) {
                    try (PreparedStatement s = c.prepareStatement(
                            "delete from commit_score where installation_id = ?")) {
                        s.setLong(1, installation);
                        scores += s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement(
                            "delete from work_job where installation_id = ? returning repository")) {
                        s.setLong(1, installation);
                        try (var rs = s.executeQuery()) {
                            while (rs.next()) {
                                jobs++;
                                if (!repositories.contains(rs.getString(1))) {
                                    repositories = new ArrayList<>(repositories);
                                    repositories.add(rs.getString(1));
                                }
                            }
                        }
                    }
                }
                for (String repository : repositories) {
                    try (PreparedStatement s = c.prepareStatement(
                            "delete from work_job where repository = ? and installation_id = ?")) {
                        s.setString(1, repository);
                        s.setLong(2, installation);
                        jobs += s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement(
                            "delete from commit_score where repository = ? and installation_id = ?")) {
                        s.setString(1, repository);
                        s.setLong(2, installation);
                        scores += s.executeUpdate();
                    }
                    // delivery keys are "<delivery id>/<owner>/<name>#<number>"
                    try (PreparedStatement s = c.prepareStatement(
                            "delete from delivery where substring(delivery_key from position('/' in delivery_key) + 1)"
                                    + " like ? escape '\\'")) {
                        s.setString(1, repository.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                                + "#%");
                        s.executeUpdate();
                    }
                }
                c.commit();
                LOG.infof("installation %d: %s, %d jobs and their deliveries, %d commit scores deleted", installation,
                        wholeInstallation ? "uninstalled" : "repositories " + repositories + " removed", jobs, scores);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
