package dev.mlreadiness.github.command;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHReaction;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.ReactionContent;

import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.github.IgnoreDecision;
import dev.mlreadiness.github.PullRequestReviewer;
import dev.mlreadiness.github.ReadinessMetrics;
import dev.mlreadiness.github.ReviewResult;
import dev.mlreadiness.github.RuleSource;
import dev.mlreadiness.github.publish.GitHubWriter;
import io.quarkiverse.githubapp.GitHubEvent;
import io.smallrye.graphql.client.dynamic.api.DynamicGraphQLClient;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What each {@code /readiness} command does. Comments of bots, the app's own included, get nothing, not even a
 * reaction. Everyone else gets the framework's reactions (rocket while working, then +1 when done or -1 when the
 * command was declined or failed) and, where there is something to say, a reply comment.
 */
@ApplicationScoped
public class PullRequestCommands {

    private static final Logger LOG = Logger.getLogger(PullRequestCommands.class);
    /** Reasons are kept in a hidden marker of every later listing: a paragraph is plenty. */
    static final int MAX_REASON = 500;

    private final PullRequestReviewer reviewer;
    private final GitHubWriter writer;
    private final RuleSource rules;
    private final ReadinessMetrics metrics;
    private final CommandReplies replies;

    public PullRequestCommands(PullRequestReviewer reviewer, GitHubWriter writer, RuleSource rules,
            ReadinessMetrics metrics, CommandReplies replies) {
        this.reviewer = reviewer;
        this.writer = writer;
        this.rules = rules;
        this.metrics = metrics;
        this.replies = replies;
    }

    /** A command's work: true when done, false when declined (a polite reply says why). */
    @FunctionalInterface
    interface Work {
        boolean run() throws IOException;
    }

    void reevaluate(GHEventPayload.IssueComment payload, DynamicGraphQLClient graphql, GitHubEvent event) {
        respond("reevaluate", payload, event, () -> {
            Optional<GHPullRequest> pr = pullRequest(payload);
            if (pr.isEmpty()) {
                return false;
            }
            return answer(payload, reviewer.review(payload.getRepository(), pr.get(), graphql,
                    event.getDeliveryId(), Set.of()));
        });
    }

    void help(GHEventPayload.IssueComment payload, GitHubEvent event) {
        respond("help", payload, event, () -> {
            writer.createComment(payload.getIssue(), replies.help());
            return true;
        });
    }

    void explain(GHEventPayload.IssueComment payload, GitHubEvent event, List<String> args) {
        respond("explain", payload, event, () -> {
            Optional<RuleInfo> rule = knownRule(payload, "explain", args);
            if (rule.isEmpty()) {
                return false;
            }
            writer.createComment(payload.getIssue(), replies.explain(rule.get()));
            return true;
        });
    }

    void ignore(GHEventPayload.IssueComment payload, DynamicGraphQLClient graphql, GitHubEvent event,
            List<String> args) {
        decide("ignore", true, payload, graphql, event, args);
    }

    void unignore(GHEventPayload.IssueComment payload, DynamicGraphQLClient graphql, GitHubEvent event,
            List<String> args) {
        decide("unignore", false, payload, graphql, event, args);
    }

    void report(GHEventPayload.IssueComment payload, DynamicGraphQLClient graphql, GitHubEvent event) {
        respond("report", payload, event, () -> {
            Optional<GHPullRequest> pr = pullRequest(payload);
            if (pr.isEmpty()) {
                return false;
            }
            ReviewResult result = reviewer.review(payload.getRepository(), pr.get(), graphql, event.getDeliveryId(),
                    Set.of());
            if (result.report().isEmpty()) {
                return answer(payload, result);
            }
            writer.createComment(payload.getIssue(),
                    replies.report(pr.get().getHead().getSha(), result.report().get(), result.ignoreNotes()));
            return true;
        });
    }

    /**
     * Ignore or unignore: the rule must exist and the person must have write access; the reply records the
     * decision, then the pull request is evaluated again with it.
     */
    private void decide(String command, boolean ignore, GHEventPayload.IssueComment payload,
            DynamicGraphQLClient graphql, GitHubEvent event, List<String> args) {
        respond(command, payload, event, () -> {
            if (!payload.getIssue().isPullRequest()) {
                writer.createComment(payload.getIssue(), replies.notAPullRequest());
                return false;
            }
            Optional<RuleInfo> rule = knownRule(payload, command, args);
            if (rule.isEmpty()) {
                return false;
            }
            String login = payload.getSender().getLogin();
            GHRepository repo = payload.getRepository();
            if (!mayDecide(repo, login)) {
                writer.createComment(payload.getIssue(), replies.refused(login, command));
                return false;
            }
            String reason = ignore ? reason(payload.getComment().getBody()) : "";
            IgnoreDecision decision = new IgnoreDecision(rule.get().id(), ignore, login, reason,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            writer.createComment(payload.getIssue(), ignore ? replies.ignored(decision) : replies.unignored(decision));
            GHPullRequest pr = repo.getPullRequest(payload.getIssue().getNumber());
            return answer(payload, reviewer.review(repo, pr, graphql, event.getDeliveryId(), Set.of(),
                    List.of(decision)));
        });
    }

    /** Bots never; then the reactions around the work, whatever happens. */
    private void respond(String command, GHEventPayload.IssueComment payload, GitHubEvent event, Work work) {
        if (fromBot(event)) {
            LOG.debugf("%s: comment by a bot, ignored", where(payload));
            return;
        }
        boolean done = false;
        GHReaction rocket = null;
        try {
            rocket = writer.react(payload.getComment(), ReactionContent.ROCKET);
            done = work.run();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "%s: /readiness %s failed (delivery %s)", where(payload), command, event.getDeliveryId());
        }
        metrics.command(command, done ? "done" : "declined");
        try {
            writer.removeReaction(payload.getComment(), rocket);
            writer.react(payload.getComment(), done ? ReactionContent.PLUS_ONE : ReactionContent.MINUS_ONE);
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "%s: could not react to the command", where(payload));
        }
    }

    /**
     * The sender's type as GitHub sent it (asking {@code GHUser.getType()} would fetch the user), or a login only
     * GitHub Apps can have.
     */
    static boolean fromBot(GitHubEvent event) {
        JsonObject sender = event.getParsedPayload() == null ? null : event.getParsedPayload().getJsonObject("sender");
        return sender != null && ("Bot".equals(sender.getString("type"))
                || String.valueOf(sender.getString("login")).endsWith("[bot]"));
    }

    /** The pull request of the comment, fetched for its head and state; a plain issue gets a polite reply. */
    private Optional<GHPullRequest> pullRequest(GHEventPayload.IssueComment payload) throws IOException {
        if (!payload.getIssue().isPullRequest()) {
            writer.createComment(payload.getIssue(), replies.notAPullRequest());
            return Optional.empty();
        }
        return Optional.of(payload.getRepository().getPullRequest(payload.getIssue().getNumber()));
    }

    /** The rule named by the first argument; a missing or unknown id gets a reply instead. */
    private Optional<RuleInfo> knownRule(GHEventPayload.IssueComment payload, String command, List<String> args)
            throws IOException {
        if (args == null || args.isEmpty()) {
            writer.createComment(payload.getIssue(), replies.needsRuleId("/readiness " + command));
            return Optional.empty();
        }
        String id = args.get(0).strip();
        Rules known = rules.rules();
        Optional<RuleInfo> rule = known.find(id).map(Rule::info);
        if (rule.isEmpty()) {
            writer.createComment(payload.getIssue(), replies.unknownRule(id, known.closest(id)));
        }
        return rule;
    }

    /** Write, maintain (reported as write) or admin. Someone GitHub does not know as a collaborator has none. */
    private static boolean mayDecide(GHRepository repo, String login) throws IOException {
        try {
            GHPermissionType permission = repo.getPermission(login);
            return permission == GHPermissionType.ADMIN || permission == GHPermissionType.WRITE;
        } catch (GHFileNotFoundException e) {
            return false;
        }
    }

    /**
     * Everything after the rule id on the command's line, as typed (quotes kept): airline would split it into
     * words and drop the quotes.
     */
    static String reason(String body) {
        String firstLine = body == null ? "" : body.strip().lines().findFirst().orElse("").strip();
        String[] parts = firstLine.split("\\s+", 4);
        String reason = parts.length == 4 ? parts[3].strip() : "";
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }

    /** The reply a review's outcome calls for: none when the check run and summary say it all. */
    private boolean answer(GHEventPayload.IssueComment payload, ReviewResult result) throws IOException {
        String reply = switch (result.status()) {
            case REVIEWED -> null;
            case CLOSED -> replies.closed();
            case SILENT -> replies.silent(result.detail());
            case INVALID_CONFIG -> replies.invalidConfig();
            case FAILED -> replies.failed(result.detail());
        };
        if (reply != null) {
            writer.createComment(payload.getIssue(), reply);
        }
        return result.status() == ReviewResult.Status.REVIEWED || result.status() == ReviewResult.Status.SILENT;
    }

    private static String where(GHEventPayload.IssueComment payload) {
        return payload.getRepository().getFullName() + "#" + payload.getIssue().getNumber();
    }
}
