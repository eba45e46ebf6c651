package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushes as GitHub delivers them (its own {@code push} examples, signed) to the app with the queue in PostgreSQL:
 * a push to the default branch stores the full scan's scores of the pushed commit, per category, and writes
 * nothing to GitHub; other branches, tags and deleted refs are left alone; uninstalling the app or removing the
 * repository deletes the scores.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PushOverHttpTest extends DeliveryScenarios {

    static final long PUSHED_AT = 1_765_000_000L;

    @BeforeEach
    void needsTheServer() {
        TestDatabase.assumeAvailable();
    }

    /** GitHub's example push to {@code master} (Hello-World's default branch) of installation 1, edited. */
    static byte[] push(Consumer<ObjectNode> edit) throws Exception {
        return payload("push.with-new-branch.json", edit);
    }

    static byte[] payload(String name, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root;
        try (InputStream in = PushOverHttpTest.class.getResourceAsStream("/webhooks/" + name)) {
            root = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) root.get("installation")).put("id", 1);
        edit.accept(root);
        return JSON.writeValueAsBytes(root);
    }

    static byte[] pushOf(String sha, long pushedAt) throws Exception {
        return push(root -> {
            root.put("after", sha);
            ((ObjectNode) root.get("head_commit")).put("id", sha);
            ((ObjectNode) root.get("repository")).put("pushed_at", pushedAt);
        });
    }

    static List<List<Object>> rows(String sql, Object... args) throws Exception {
        try (Connection c = TestDatabase.dataSource(PostgresResource.schema).getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<List<Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** What the app wrote to GitHub with its installation token (creating tokens aside). */
    List<String> writes() {
        return GitHubJournal.of(server).writes().stream().filter(r -> !r.getUrl().startsWith("/app"))
                .map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
    }

    @Test
    void aPushToTheDefaultBranchStoresTheScoresOfThePushedCommit() throws Exception {
        PullRequestFixture pr = pullRequest(171); // the head: README, a notebook, two gaps in src/q.py
        assertThat(Webhooks.send("push", pushOf(pr.headSha, PUSHED_AT), SECRET)).isEqualTo(200);

        List<List<Object>> score = rows("""
                select readiness_percent, rules_applicable, rules_passed, findings, extract(epoch from pushed_at)
                from commit_score where installation_id = 1 and repository = ? and commit_sha = ?""",
                PullRequestFixture.REPO, pr.headSha);
        assertThat(score).hasSize(1);
        // the test rules: the marker rule finds both gaps, the usage docs rule passes (README has ## Usage)
        assertThat(score.get(0).subList(0, 4)).containsExactly(50, 2, 1, 2);
        assertThat(((Number) score.get(0).get(4)).longValue()).isEqualTo(PUSHED_AT);
        assertThat(rows("""
                select category, checked, passed, findings from commit_category_score
                where installation_id = 1 and repository = ? and commit_sha = ? order by category""",
                PullRequestFixture.REPO, pr.headSha))
                .containsExactly(List.of("docs", 1, 1, 0), List.of("reproducibility", 1, 0, 2));
        // read as a pull request is (tree, config and contents in batches), nothing written: no run, no comment
        assertThat(GitHubJournal.of(server).matching("GET", ".*/git/trees/" + pr.headSha)).hasSize(1);
        assertThat(writes()).isEmpty();
        assertThat(GitHubState.runsOf(pr.headSha)).isEmpty();

        // the next commit gets a row of its own; the first keeps its scores
        pr.push("fixed").unchanged("src/q.py", "import numpy\nx = 1\n");
        stub(pr);
        assertThat(Webhooks.send("push", pushOf(pr.headSha, PUSHED_AT + 60), SECRET)).isEqualTo(200);
        assertThat(rows("""
                select readiness_percent, findings from commit_score where repository = ? order by pushed_at""",
                PullRequestFixture.REPO)).containsExactly(List.of(50, 2), List.of(100, 0));
        assertThat(writes()).isEmpty();
    }

    @Test
    void pushesToOtherBranchesTagsAndDeletedBranchesAreLeftAlone() throws Exception {
        PullRequestFixture pr = pullRequest(172);
        server.resetRequests();
        assertThat(Webhooks.send("push", push(root -> root.put("after", pr.headSha).put("ref", "refs/heads/feature")),
                SECRET)).isEqualTo(200);
        assertThat(Webhooks.send("push", push(root -> root.put("after", pr.headSha).put("ref", "refs/tags/v1")),
                SECRET)).isEqualTo(200);
        // GitHub's example of a deleted tag, and the default branch deleted
        assertThat(Webhooks.send("push", payload("push.with-installation.json", root -> {
        }), SECRET)).isEqualTo(200);
        assertThat(Webhooks.send("push", push(root -> root.put("deleted", true)
                .put("after", "0000000000000000000000000000000000000000")), SECRET)).isEqualTo(200);

        assertThat(rows("select commit_sha from commit_score where commit_sha = ?", pr.headSha)).isEmpty();
        List<LoggedRequest> asked = GitHubJournal.of(server).api();
        assertThat(asked).isEmpty(); // not a request with the installation's token
    }

    @Test
    void aRepositoryThatIsNotAnMlProjectIsLeftAlone() throws Exception {
        PullRequestFixture pr = stub(PullRequestFixture.pr(173).unchanged("README.md", "# A web app\n")
                .add("src/app.js", "console.log(1) // GAP-HERE\n"));
        assertThat(Webhooks.send("push", pushOf(pr.headSha, PUSHED_AT), SECRET)).isEqualTo(200);
        assertThat(rows("select commit_sha from commit_score where commit_sha = ?", pr.headSha)).isEmpty();
        assertThat(writes()).isEmpty();
    }

    @Test
    void removingTheRepositoryOrUninstallingTheAppDeletesItsScores() throws Exception {
        PullRequestFixture pr = pullRequest(174);
        assertThat(Webhooks.send("push", pushOf(pr.headSha, PUSHED_AT), SECRET)).isEqualTo(200);
        assertThat(rows("select 1 from commit_score where commit_sha = ?", pr.headSha)).hasSize(1);
        assertThat(rows("select 1 from commit_category_score where commit_sha = ?", pr.headSha)).isNotEmpty();
        // scores of another installation's repository stay
        executeOnSchema("insert into commit_score (installation_id, repository, commit_sha, pushed_at,"
                + " rules_applicable, rules_passed, findings) values (2, 'other/repo', 'abc', now(), 0, 0, 0)");

        // GitHub's example of a removed repository, from installation 1, naming Hello-World
        assertThat(Webhooks.send("installation_repositories",
                payload("installation_repositories.removed.json", root -> {
                    ObjectNode gone = (ObjectNode) root.get("repositories_removed").get(0);
                    gone.put("full_name", PullRequestFixture.REPO).put("name", "Hello-World");
                }), SECRET)).isEqualTo(200);
        assertThat(rows("select 1 from commit_score where repository = ?", PullRequestFixture.REPO)).isEmpty();
        assertThat(rows("select 1 from commit_category_score where repository = ?", PullRequestFixture.REPO))
                .isEmpty();

        assertThat(Webhooks.send("push", pushOf(pr.headSha, PUSHED_AT), SECRET)).isEqualTo(200);
        assertThat(rows("select 1 from commit_score where installation_id = 1")).hasSize(1);
        assertThat(Webhooks.send("installation", payload("installation.deleted.json", root -> {
        }), SECRET)).isEqualTo(200);
        assertThat(rows("select 1 from commit_score where installation_id = 1")).isEmpty();
        assertThat(rows("select repository from commit_score")).containsExactly(List.of("other/repo"));
        executeOnSchema("delete from commit_score where installation_id = 2");
    }

    static void executeOnSchema(String sql) {
        TestDatabase.execute(TestDatabase.dataSource(PostgresResource.schema), sql);
    }
}
