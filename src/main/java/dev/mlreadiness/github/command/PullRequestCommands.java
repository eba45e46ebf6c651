package dev.mlreadiness.github.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.githubapp.GitHubEvent;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHReaction;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.ReactionContent;

import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.github.IgnoreDecision;
import dev.mlreadiness.github.ReadinessMetrics;
import dev.mlreadiness.github.ReviewRequests;
import dev.mlreadiness.github.ReviewResult;
import dev.mlreadiness.github.RuleSource;
import dev.mlreadiness.github.publish.GitHubWriter;
import dev.mlreadiness.github.queue.RecentDeliveries;
import dev.mlreadiness.github.queue.WorkRequest;

/**
 * What each {@code /readiness} command does. Comments of bots, the app's own included, get nothing, not even a
 * reaction. Everyone else gets the framework's reactions (rocket while working, then +1 when done or -1 when the
 * command was declined or failed) and, where there is something to say, a reply comment. A command that evaluates
 * goes through the work queue like any event; its reactions and reply follow when that evaluation is done. A
 * redelivered command that was carried out already is not carried out again.
 */
@ApplicationScoped
public class PullRequestCommands {

    private static final Logger LOG = Logger.getLogger(PullRequestCommands.class);
    /** Reasons are kept in a hidden marker of every later listing: a paragraph is plenty. */
    static final int MAX_REASON = 500;

    private final ReviewRequests requests;
    private final RecentDeliveries deliveries;
    private final GitHubWriter writer;
    private final RuleSource rules;
    private final ReadinessMetrics metrics;
    private final CommandReplies replies;

    public PullRequestCommands(ReviewRequests requests, RecentDeliveries deliveries, GitHubWriter writer,
            RuleSource rules, ReadinessMetrics metrics, CommandReplies replies) {
        this.requests = requests;
        this.deliveries = deliveries;
        this.writer = writer;
        this.rules = rules;
        this.metrics = metrics;
        this.replies = replies;
    }

    /** A command's work: true when done, false when declined (a polite reply says why); may finish later. */
    @FunctionalInterface
    interface Work {
        CompletionStage<Boolean> run() throws IOException;
    }

    /** What a command says once its evaluation is done: true when done, false when declined. */
    @FunctionalInterface
    interface Answer {
        boolean to(ReviewResult result) throws IOException;
    }

    void reevaluate(GHEventPayload.IssueComment payload, GitHubEvent event) {
        respond("reevaluate", payload, event, () -> {
            if (!onPullRequest(payload)) {
                return declined();
            }
            return evaluate(event, payload, List.of(), result -> answer(payload, result));
        });
    }

    void help(GHEventPayload.IssueComment payload, GitHubEvent event) {
        respond("help", payload, event, () -> {
            writer.createComment(payload.getIssue(), replies.help());
            return done();
        });
    }

    void explain(GHEventPayload.IssueComment payload, GitHubEvent event, List<String> args) {
        respond("explain", payload, event, () -> {
            Optional<RuleInfo> rule = knownRule(payload, "explain", args);
            if (rule.isEmpty()) {
                return declined();
            }
            writer.createComment(payload.getIssue(), replies.explain(rule.get()));
            return done();
        });
    }

    void ignore(GHEventPayload.IssueComment payload, GitHubEvent event, List<String> args) {
        decide("ignore", true, payload, event, args);
    }

    void unignore(GHEventPayload.IssueComment payload, GitHubEvent event, List<String> args) {
        decide("unignore", false, payload, event, args);
    }

    void report(GHEventPayload.IssueComment payload, GitHubEvent event) {
        respond("report", payload, event, () -> {
            if (!onPullRequest(payload)) {
                return declined();
            }
            return evaluate(event, payload, List.of(), result -> {
                if (result.report().isEmpty()) {
                    return answer(payload, result);
                }
                writer.createComment(payload.getIssue(),
                        replies.report(result.headSha(), result.report().get(), result.ignoreNotes()));
                return true;
            });
        });
    }

    /**
     * Ignore or unignore: the rule must exist and the person must have write access; the reply records the
     * decision, then the pull request is evaluated again with it.
     */
    private void decide(String command, boolean ignore, GHEventPayload.IssueComment payload, GitHubEvent event,
            List<String> args) {
        respond(command, payload, event, () -> {
            if (!onPullRequest(payload)) {
                return declined();
            }
            Optional<RuleInfo> rule = knownRule(payload, command, args);
            if (rule.isEmpty()) {
                return declined();
            }
            String login = payload.getSender().getLogin();
            GHRepository repo = payload.getRepository();
            if (!mayDecide(repo, login)) {
                writer.createComment(payload.getIssue(), replies.refused(login, command));
                return declined();
            }
            String reason = ignore ? reason(payload.getComment().getBody()) : "";
            IgnoreDecision decision = new IgnoreDecision(rule.get().id(), ignore, login, reason,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            writer.createComment(payload.getIssue(), ignore ? replies.ignored(decision) : replies.unignored(decision));
            return evaluate(event, payload, List.of(decision), result -> answer(payload, result));
        });
    }

    /** Queues an evaluation of the comment's pull request; {@code answer} runs when it is done. */
    private CompletionStage<Boolean> evaluate(GitHubEvent event, GHEventPayload.IssueComment payload,
            List<IgnoreDecision> decisions, Answer answer) {
        WorkRequest request = ReviewRequests.request(event, WorkRequest.Kind.COMMAND, payload.getIssue().getNumber(),
                null, decisions);
        return requests.submit(request).thenApply(result -> {
            try {
                return answer.to(result);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static CompletionStage<Boolean> done() {
        return CompletableFuture.completedFuture(true);
    }

    private static CompletionStage<Boolean> declined() {
        return CompletableFuture.completedFuture(false);
    }

    /** Bots never, nor a redelivery of a command carried out; then the reactions around the work, whatever happens. */
    private void respond(String command, GHEventPayload.IssueComment payload, GitHubEvent event, Work work) {
        if (fromBot(event)) {
            LOG.debugf("%s: comment by a bot, ignored", where(payload));
            return;
        }
        String delivery = event.getDeliveryId() + "/command";
        if (!deliveries.claim(delivery)) {
            LOG.infof("%s: delivery %s was processed already, ignored", where(payload), event.getDeliveryId());
            return;
        }
        GHReaction rocket = null;
        CompletionStage<Boolean> outcome;
        try {
            rocket = writer.react(payload.getComment(), ReactionContent.ROCKET);
            outcome = work.run();
        } catch (IOException | RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        GHReaction working = rocket;
        requests.await(outcome.handle((done, error) -> {
            if (error != null) {
                LOG.errorf(error, "%s: /readiness %s failed (delivery %s)", where(payload), command,
                        event.getDeliveryId());
                deliveries.release(delivery);
            } else {
                deliveries.done(delivery);
            }
            boolean ok = error == null && done;
            metrics.command(command, ok ? "done" : "declined");
            react(payload, working, ok);
            return ok;
        }));
    }

    private void react(GHEventPayload.IssueComment payload, GHReaction rocket, boolean done) {
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

    /** Whether the comment is on a pull request; a plain issue gets a polite reply. */
    private boolean onPullRequest(GHEventPayload.IssueComment payload) throws IOException {
        if (!payload.getIssue().isPullRequest()) {
            writer.createComment(payload.getIssue(), replies.notAPullRequest());
            return false;
        }
        return true;
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
