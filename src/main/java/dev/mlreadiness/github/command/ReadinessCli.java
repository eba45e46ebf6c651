package dev.mlreadiness.github.command;

import java.util.List;

import jakarta.inject.Inject;

import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Cli;
import com.github.rvesse.airline.annotations.Command;
import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.command.airline.CliOptions;
import io.quarkiverse.githubapp.command.airline.CommandOptions;
import io.quarkiverse.githubapp.command.airline.CommandOptions.CommandScope;
import io.quarkiverse.githubapp.command.airline.CommandOptions.ReactionStrategy;
import org.kohsuke.github.GHEventPayload;

/**
 * The {@code /readiness} comment commands. command-airline reads only a comment's first line, whose first word
 * must be {@code /readiness}. The framework's own reactions are off: it would react before any code of ours runs,
 * and bots must get nothing at all, so {@link PullRequestCommands} reacts the same way after checking the sender.
 * Plain issues are in scope so that they get an answer rather than silence.
 */
@Cli(name = ReadinessCli.NAME, defaultCommand = ReadinessCli.Reevaluate.class, commands = {
        ReadinessCli.Reevaluate.class, ReadinessCli.Help.class, ReadinessCli.Explain.class, ReadinessCli.Ignore.class,
        ReadinessCli.Unignore.class, ReadinessCli.Report.class })
@CliOptions(parseErrorHandler = ReplyWithHelp.class, defaultCommandOptions = @CommandOptions(scope = CommandScope.ISSUES_AND_PULL_REQUESTS, reactionStrategy = ReactionStrategy.NONE))
public class ReadinessCli {

    /** The first word of every command line. */
    static final String NAME = "/readiness";
    /** Also read outside airline, by {@link IgnoreDespiteQuotes}. */
    static final String IGNORE = "ignore";

    /** What every command receives. */
    interface ReadinessCommand {
        void run(GHEventPayload.IssueComment payload, GitHubEvent event);
    }

    @Command(name = "check", description = "Evaluates the pull request again now")
    static class Reevaluate implements ReadinessCommand {
        @Inject
        PullRequestCommands commands;

        @Override
        public void run(GHEventPayload.IssueComment payload, GitHubEvent event) {
            commands.reevaluate(payload, event);
        }
    }

    @Command(name = "help", description = "Lists the commands")
    static class Help implements ReadinessCommand {
        @Inject
        PullRequestCommands commands;

        @Override
        public void run(GHEventPayload.IssueComment payload, GitHubEvent event) {
            commands.help(payload, event);
        }
    }

    @Command(name = "explain", description = "Explains a rule")
    static class Explain implements ReadinessCommand {
        @Inject
        PullRequestCommands commands;
        @Arguments(title = "rule-id")
        List<String> args;

        @Override
        public void run(GHEventPayload.IssueComment payload, GitHubEvent event) {
            commands.explain(payload, event, args);
        }
    }

    @Command(name = IGNORE, description = "Ignores a rule on this pull request")
    static class Ignore implements ReadinessCommand {
        @Inject
        PullRequestCommands commands;
        @Arguments(title = { "rule-id", "reason" })
        List<String> args;

        @Override
        public void run(GHEventPayload.IssueComment payload, GitHubEvent event) {
            commands.ignore(payload, event, args);
        }
    }

    @Command(name = "unignore", description = "Makes an ignored rule count again on this pull request")
    static class Unignore implements ReadinessCommand {
        @Inject
        PullRequestCommands commands;
        @Arguments(title = "rule-id")
        List<String> args;

        @Override
        public void run(GHEventPayload.IssueComment payload, GitHubEvent event) {
            commands.unignore(payload, event, args);
        }
    }

    @Command(name = "report", description = "Posts the full report as a comment")
    static class Report implements ReadinessCommand {
        @Inject
        PullRequestCommands commands;

        @Override
        public void run(GHEventPayload.IssueComment payload, GitHubEvent event) {
            commands.report(payload, event);
        }
    }
}
