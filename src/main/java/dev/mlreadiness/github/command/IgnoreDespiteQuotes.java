package dev.mlreadiness.github.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.githubapp.GitHubEvent;
import io.quarkiverse.githubapp.command.airline.runtime.util.Commandline;
import io.quarkiverse.githubapp.event.IssueComment;
import org.kohsuke.github.GHEventPayload;

/**
 * {@code /readiness ignore <rule-id> <reason>} where the reason has an apostrophe or a lone quote ("it's
 * generated"): command-airline's tokenizer rejects such a line as unbalanced quotes before any command runs, and
 * ordinary English hits that often. This handler takes exactly those lines, split on whitespace, into the same
 * ignore flow as a parsed command (bot check, reactions, permission, recorded reason); {@link ReplyWithHelp} leaves
 * them alone. Lines the tokenizer reads stay with airline, so each line has one owner.
 */
class IgnoreDespiteQuotes {

    private final PullRequestCommands commands;

    IgnoreDespiteQuotes(PullRequestCommands commands) {
        this.commands = commands;
    }

    void onComment(@IssueComment.Created GHEventPayload.IssueComment payload, GitHubEvent event) {
        args(payload.getComment().getBody()).ifPresent(args -> commands.ignore(payload, event, args));
    }

    /**
     * The words after {@code /readiness ignore} when the comment's first line is that command and airline cannot
     * tokenize it; empty for every line airline reads or does not take as a command at all. The first line and its
     * first word are found as the framework's dispatcher finds them.
     */
    static Optional<List<String>> args(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        String line = body.trim().lines().findFirst().orElse("").trim();
        if (!line.split(" ", 2)[0].equals(ReadinessCli.NAME) || tokenizes(line)) {
            return Optional.empty();
        }
        List<String> words = Arrays.asList(line.split("\\s+"));
        if (words.size() < 2 || !words.get(1).equals(ReadinessCli.IGNORE)) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(words.subList(2, words.size())));
    }

    /**
     * The framework's own tokenizer decides, so this handler and airline never both take a line. It is an internal
     * class of quarkus-github-app-command-airline ({@code runtime.util}, no public API does this), chosen on purpose:
     * the dispatcher splits command lines with exactly this method, and a copy could drift from it on an upgrade.
     * {@code IgnoreDespiteQuotesTest} pins the lines it must reject and accept, and the over-HTTP tests
     * ({@code CommandsOverHttpTest}) check that each line gets exactly one owner through the real dispatcher.
     */
    private static boolean tokenizes(String line) {
        try {
            Commandline.translateCommandline(line);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
