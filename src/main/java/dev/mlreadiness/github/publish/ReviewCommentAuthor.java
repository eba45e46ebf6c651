package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.lang.reflect.Field;

import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHUser;

/**
 * The login of a review comment's author as GitHub listed it. github-api (1.330 and its current source alike) has no
 * public way to it: {@code GHPullRequestReviewComment.getUser()} fetches {@code /users/<login>} again, one request
 * per author, and unlike {@code GHIssueComment} there is no {@code getUserName()}. The listing already carries the
 * login, so it is read from the library's private field {@code user}. {@code ReviewCommentAuthorTest} and
 * {@code ReviewOverHttpTest.tellingOurReviewCommentsFromOthersMakesNoUserRequest} fail when an upgrade renames it
 * (the code would fall back to {@code getUser()}, correct but a request per author); switch to a public accessor as
 * soon as the library has one.
 */
final class ReviewCommentAuthor {

    private static final Field USER = userField();

    private ReviewCommentAuthor() {
    }

    static String login(GHPullRequestReviewComment c) throws IOException {
        if (USER != null) {
            try {
                GHUser listed = (GHUser) USER.get(c);
                return listed == null ? "" : listed.getLogin();
            } catch (IllegalAccessException e) {
                // fall through to the library's own (slower) way
            }
        }
        GHUser user = c.getUser();
        return user == null ? "" : user.getLogin();
    }

    private static Field userField() {
        try {
            Field f = GHPullRequestReviewComment.class.getDeclaredField("user");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a library version without the field: getUser() still answers
        }
    }
}
