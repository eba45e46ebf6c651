package dev.mlreadiness.github.command;

import jakarta.inject.Singleton;

import io.quarkiverse.githubapp.command.airline.ParseErrorHandler;
import org.jboss.logging.Logger;
import org.kohsuke.github.GHEventPayload;
import org.kohsuke.github.ReactionContent;

import dev.mlreadiness.github.publish.GitHubWriter;

/**
 * A {@code /readiness} line that does not parse (an unknown subcommand, an unexpected option, an unbalanced quote)
 * gets our help text rather than airline's usage dump, and the framework's "confused" reaction. Bots get nothing:
 * the handler has no raw payload, so it knows them by the {@code [bot]} login GitHub gives every app. An
 * {@code ignore} that fails only on a quote in its reason is not an error: {@link IgnoreDespiteQuotes} runs it.
 */
@Singleton
public class ReplyWithHelp implements ParseErrorHandler {

    private static final Logger LOG = Logger.getLogger(ReplyWithHelp.class);

    private final GitHubWriter writer;
    private final CommandReplies replies;

    public ReplyWithHelp(GitHubWriter writer, CommandReplies replies) {
        this.writer = writer;
        this.replies = replies;
    }

    @Override
    public void handleParseError(GHEventPayload.IssueComment payload, ParseErrorContext context) {
        if (payload.getSender() != null && String.valueOf(payload.getSender().getLogin()).endsWith("[bot]")) {
            return;
        }
        if (IgnoreDespiteQuotes.args(payload.getComment().getBody()).isPresent()) {
            return; // an ignore whose reason has a quote: IgnoreDespiteQuotes runs it
        }
        try {
            writer.createComment(payload.getIssue(), replies.notUnderstood(context.command()));
            writer.react(payload.getComment(), ReactionContent.CONFUSED);
        } catch (Exception e) {
            LOG.warnf(e, "could not answer an unparsable command on %s#%d", payload.getRepository().getFullName(),
                    payload.getIssue().getNumber());
        }
    }
}
