package dev.mlreadiness.github.push;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.mlreadiness.engine.CategoryScore;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.github.queue.WorkQueues;

/**
 * The scores of default-branch commits. With PostgreSQL ({@code ml-readiness.queue=postgresql}) one row per
 * commit (installation, repository, commit, pushed-at, readiness score) and one per category, for an
 * organization view; scanning a commit again replaces its rows. In memory nothing is stored: the scores are
 * logged, as a single replica has nowhere to keep them that outlives it.
 */
@ApplicationScoped
public class CommitScores {

    private static final Logger LOG = Logger.getLogger(CommitScores.class);

    private final WorkQueues queues;

    public CommitScores(WorkQueues queues) {
        this.queues = queues;
    }

    /** Whether scores are kept (PostgreSQL) rather than only logged. */
    public boolean stored() {
        return queues.postgres();
    }

    /** Stores (or, in memory, logs) the scores of the pushed commit's full scan. */
    public void save(PushedCommit push, Report report) throws SQLException {
        String percent = report.readinessPercent().isPresent() ? report.readinessPercent().getAsInt() + "%" : "n/a";
        if (!stored()) {
            LOG.infof("%s@%s: readiness %s (%d of %d rules passed, %d findings); not stored (in-memory queue)",
                    push.repository(), push.commitSha(), percent, report.rulesPassed(), report.rulesApplicable(),
                    report.findings().size());
            return;
        }
        try (Connection c = queues.datasource().getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, push, report);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        LOG.infof("%s@%s: readiness %s stored", push.repository(), push.commitSha(), percent);
    }

    private static void insert(Connection c, PushedCommit push, Report report) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into commit_score (installation_id, repository, commit_sha, pushed_at, readiness_percent,
                  rules_applicable, rules_passed, findings) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (installation_id, repository, commit_sha) do update set pushed_at = excluded.pushed_at,
                  evaluated_at = now(), readiness_percent = excluded.readiness_percent,
                  rules_applicable = excluded.rules_applicable, rules_passed = excluded.rules_passed,
                  findings = excluded.findings""")) {
            s.setLong(1, push.installationId());
            s.setString(2, push.repository());
            s.setString(3, push.commitSha());
            s.setTimestamp(4, Timestamp.from(push.pushedAt()));
            if (report.readinessPercent().isPresent()) {
                s.setInt(5, report.readinessPercent().getAsInt());
            } else {
                s.setNull(5, Types.INTEGER);
            }
            s.setInt(6, report.rulesApplicable());
            s.setInt(7, report.rulesPassed());
            s.setInt(8, report.findings().size());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "delete from commit_category_score where installation_id = ? and repository = ? and commit_sha = ?")) {
            s.setLong(1, push.installationId());
            s.setString(2, push.repository());
            s.setString(3, push.commitSha());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into commit_category_score (installation_id, repository, commit_sha, category, checked, passed,
                  findings) values (?, ?, ?, ?, ?, ?, ?)""")) {
            for (CategoryScore score : report.scores()) {
                s.setLong(1, push.installationId());
                s.setString(2, push.repository());
                s.setString(3, push.commitSha());
                s.setString(4, score.category().id());
                s.setInt(5, score.checked());
                s.setInt(6, score.passed());
                s.setInt(7, score.newFindings() + score.existingFindings());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
