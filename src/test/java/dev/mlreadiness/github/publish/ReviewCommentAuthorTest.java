package dev.mlreadiness.github.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GitHub;

/**
 * Pins what {@link ReviewCommentAuthor} relies on in github-api: a listed review comment keeps its author in a
 * private field {@code user}, read without a request. The comment here belongs to no pull request, so the library's
 * own {@code getUser()} cannot answer at all (it would fetch the user through the pull request's client): when an
 * upgrade renames the field, this fails instead of the app quietly spending a request per author.
 */
class ReviewCommentAuthorTest {

    static GHPullRequestReviewComment listed(String json) throws Exception {
        return GitHub.getMappingObjectReader().forType(GHPullRequestReviewComment.class).readValue(json);
    }

    @Test
    void readsTheLoginGitHubListedWithTheComment() throws Exception {
        assertThat(ReviewCommentAuthor.login(listed("{\"id\": 1, \"body\": \"x\", \"user\": {\"login\": "
                + "\"ml-readiness[bot]\", \"type\": \"Bot\"}}"))).isEqualTo("ml-readiness[bot]");
        assertThat(ReviewCommentAuthor.login(listed("{\"id\": 2, \"body\": \"> x\", \"user\": {\"login\": "
                + "\"octocat\", \"type\": \"User\"}}"))).isEqualTo("octocat");
    }

    @Test
    void aCommentOfADeletedAccountHasNoAuthor() throws Exception {
        // GitHub lists "user": null when the account is gone
        assertThat(ReviewCommentAuthor.login(listed("{\"id\": 3, \"body\": \"x\", \"user\": null}"))).isEmpty();
    }
}
