package dev.mlreadiness.github;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An {@code issue_comment.created} delivery: GitHub's example payload (with an installation) with the comment's
 * body, author and issue adapted; on a pull request the issue carries the {@code pull_request} object GitHub adds.
 */
final class CommentPayload {

    static final long COMMENT_ID = 492700400L;
    static final long ISSUE_ID = 444500041L;
    static final String HUMAN = "Codertocat";
    static final String BOT = "ml-readiness[bot]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommentPayload() {
    }

    static String onPullRequest(int number, String body) {
        return build(number, true, body, HUMAN, "User");
    }

    static String onIssue(int number, String body) {
        return build(number, false, body, HUMAN, "User");
    }

    static String byBot(int number, String body) {
        return build(number, true, body, BOT, "Bot");
    }

    static String build(int number, boolean pullRequest, String body, String login, String type) {
        try (InputStream in = CommentPayload.class
                .getResourceAsStream("/webhooks/issue_comment.created.with-installation.json")) {
            ObjectNode root = (ObjectNode) JSON.readTree(in);
            ObjectNode issue = (ObjectNode) root.get("issue");
            issue.put("number", number).put("comments", 1);
            if (pullRequest) {
                String api = "https://api.github.com/repos/" + PullRequestFixture.REPO;
                issue.putObject("pull_request").put("url", api + "/pulls/" + number)
                        .put("html_url", "https://github.com/" + PullRequestFixture.REPO + "/pull/" + number)
                        .put("diff_url", "https://github.com/" + PullRequestFixture.REPO + "/pull/" + number + ".diff")
                        .put("patch_url",
                                "https://github.com/" + PullRequestFixture.REPO + "/pull/" + number + ".patch");
            }
            ObjectNode comment = (ObjectNode) root.get("comment");
            comment.put("body", body);
            ((ObjectNode) comment.get("user")).put("login", login).put("type", type);
            ((ObjectNode) root.get("sender")).put("login", login).put("type", type);
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
