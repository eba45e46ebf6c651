package dev.mlreadiness.github.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHReaction;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.ReactionContent;

import dev.mlreadiness.github.ReadinessSettings;

/**
 * With {@code ml-readiness.dry-run=true} every write is logged and none is made: the GitHub objects the writer is
 * handed are only read (for names in the log line), never asked to write.
 */
class GitHubWriterDryRunTest {

    private final List<String> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(GitHubWriter.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    private static ReadinessSettings settings(boolean dryRun) {
        return new ReadinessSettings() {
            public boolean dryRun() {
                return dryRun;
            }

            public String docsUrl() {
                return "https://example.org/docs/";
            }

            public long blobCacheBytes() {
                return 1024;
            }

            public String botLogin() {
                return "ml-readiness[bot]";
            }

            public int requestThreads() {
                return 1;
            }

            public Retry retry() {
                return new Retry() {
                    public int maxAttempts() {
                        return 1;
                    }

                    public Duration initialBackoff() {
                        return Duration.ofMillis(1);
                    }

                    public Duration maxBackoff() {
                        return Duration.ofMillis(1);
                    }

                    public Duration budget() {
                        return Duration.ofSeconds(1);
                    }

                    public Duration requestTimeout() {
                        return Duration.ofSeconds(1);
                    }
                };
            }

            public OnError onError() {
                return OnError.FAILURE;
            }
        };
    }

    @Test
    void everyWriteIsLoggedAndNoneIsMade() throws Exception {
        GitHubWriter writer = new GitHubWriter(settings(true));
        GHRepository repo = mock(GHRepository.class);
        when(repo.getFullName()).thenReturn("acme/churn");
        GHPullRequest pr = mock(GHPullRequest.class);
        when(pr.getRepository()).thenReturn(repo);
        when(pr.getNumber()).thenReturn(7);
        GHIssue issue = mock(GHIssue.class);
        when(issue.getRepository()).thenReturn(repo);
        when(issue.getNumber()).thenReturn(7);
        // real objects read from GitHub-shaped JSON: github-api's getId() goes through a bridge mocks cannot answer;
        // offline, any write they were asked to make would fail loudly
        GHIssueComment comment = read(GHIssueComment.class, "{\"id\":42,\"body\":\"/readiness\"}");
        GHPullRequestReviewComment reviewComment = read(GHPullRequestReviewComment.class,
                "{\"id\":43,\"path\":\"src/train.py\",\"line\":3,\"body\":\"x\"}");
        GHReaction reaction = mock(GHReaction.class);

        GHCheckRun run = writer.startCheckRun(repo, "ML readiness", "abc123");
        writer.completeCheckRun(repo, run, new CheckRunOutput(GHCheckRun.Conclusion.FAILURE, "1 new gap (0 existing)",
                "summary", List.of(new CheckRunOutput.Annotation("src/train.py", 3, "warning", "rule", "fix it"))));
        writer.createReview(pr, "abc123", "review", List.of(new GitHubWriter.InlineComment("src/train.py", 3, "x")));
        writer.editReviewComment(reviewComment, "fixed");
        writer.createComment(issue, "summary");
        GHReaction made = writer.react(comment, ReactionContent.ROCKET);
        writer.removeReaction(comment, reaction);
        writer.editComment(comment, "edited");

        assertThat(run).isNull();
        assertThat(made).isNull();
        assertThat(logged).containsExactly(
                "[dry-run] would create check run 'ML readiness' in progress on acme/churn@abc123",
                "[dry-run] would complete check run on acme/churn as failure: 1 new gap (0 existing) (1 annotations)",
                "[dry-run] would post a review with 1 comments on acme/churn#7",
                "[dry-run] would edit review comment 43 on src/train.py",
                "[dry-run] would comment on acme/churn#7 (7 characters)",
                "[dry-run] would react rocket to comment 42",
                "[dry-run] would edit comment 42 (6 characters)");
        // only the getters used for the log lines were called: nothing was created, updated or deleted
        verifyNoInteractions(reaction);
        verify(repo, never()).createCheckRun(anyString(), anyString());
        verify(pr, never()).createReview();
        verify(issue, never()).comment(anyString());
    }

    private static <T> T read(Class<T> type, String json) throws java.io.IOException {
        T object = GitHub.getMappingObjectReader().forType(type).readValue(json);
        return object;
    }

    @Test
    void withoutDryRunTheWriteIsMade() throws Exception {
        GitHubWriter writer = new GitHubWriter(settings(false));
        GHIssue issue = mock(GHIssue.class);
        writer.createComment(issue, "summary");
        verify(issue).comment("summary");
        assertThat(logged).isEmpty();
    }
}
