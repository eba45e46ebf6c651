package dev.mlreadiness.github.publish;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

import dev.mlreadiness.engine.Conclusion;
import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.ShortSha;
import dev.mlreadiness.github.snapshot.Concurrently.IoSupplier;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.MarkdownText;

/**
 * One summary comment per pull request, found again by its hidden marker and edited in place: created only when
 * there is something to say (new findings, or a failing check: existing debt under {@code fail-on-existing}, changed
 * files that could not be checked; a red check never comes without its why), never a new one per push, left alone when
 * its text would not change.
 *
 * <p>
 * The comment is a digest, not a copy of the check run: the title and the commit evaluated,
 * the blocking findings grouped per rule and file, most severe first, {@value #MAX_LISTED} lines at most ("and N
 * more" counts the findings not shown), coverage notes, the scorecard
 * (rules passed, new and existing findings per category), and a link to the check run, which has every finding and how
 * to fix
 * it. It is at most {@value #MAX_BYTES} bytes of UTF-8 whatever the repository holds: each place is cut to
 * {@value #MAX_PLACE} characters, and findings that would not fit are counted in "and N more" instead of listed.
 */
@ApplicationScoped
public class SummaryCommentPublisher {

    /** The most the digest takes, in bytes of UTF-8. */
    static final int MAX_BYTES = 2_500;
    /** Blocking findings listed by place; the others are counted. */
    static final int MAX_LISTED = 10;
    /** A place longer than this keeps its end (the file name and line), after an ellipsis. */
    static final int MAX_PLACE = 80;
    /** Line numbers named for a group of one rule's findings in one file; the others are counted. */
    static final int MAX_LINES = 3;
    /** The most the coverage notes take, in bytes, and the most of one note, in characters. */
    static final int MAX_NOTES_BYTES = 700;
    static final int MAX_NOTE = 300;
    /** The one link text when the check run's address is not known (dry-run). */
    static final String CHECK_RUN = "the ML readiness check run";
    /**
     * An https address on any host (GitHub's API gives them: github.com, or a GitHub Enterprise server, with a port
     * when it has one) made only of characters that cannot close the link around it or start markup; anything else
     * is shown as text, without a link.
     */
    private static final Pattern SAFE_URL = Pattern
            .compile("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?");
    private static final Pattern RUN_LINK = Pattern.compile(Pattern.quote("[" + CHECK_RUN + "](") + "[^)\\s]*\\)");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");
    private static final int MAX_URL = 300;

    private final GitHubWriter writer;
    private final String botLogin;

    public SummaryCommentPublisher(GitHubWriter writer, ReadinessSettings settings) {
        this.writer = writer;
        this.botLogin = settings.botLogin();
    }

    /**
     * The write to make, if any: a new comment made {@linkplain GitHubWriter#once once}, or an edit of ours.
     *
     * @param run the evaluation's check run, linked for the rest of the report (null in dry-run: named, not linked)
     */
    public Optional<IoSupplier<Void>> write(GHRepository repo, GHPullRequest pr, GHCheckRun run, String headSha,
            Report report, List<GHIssueComment> comments) {
        Optional<GHIssueComment> mine = mine(comments);
        if (mine.isEmpty() && report.newFindings().isEmpty() && report.conclusion() != Conclusion.FAILURE) {
            return Optional.empty(); // nothing to say, and nothing said before; a red check always gets its why
        }
        String body = body(report, headSha, commitUrl(repo, headSha), run == null ? null : url(run.getHtmlUrl()));
        if (mine.isPresent()) {
            if (sameBesidesRunLink(body, mine.get().getBody())) {
                return Optional.empty(); // a re-run of the same commit: a new check run, the same digest
            }
            return Optional.of(() -> {
                writer.editComment(mine.get(), body);
                return null;
            });
        }
        // a comment whose answer was lost is found again by its marker: a pull request has one summary comment
        return Optional.of(() -> {
            writer.createComment(pr, body, () -> mine(pr.getComments()).isPresent());
            return null;
        });
    }

    /**
     * Whether two digests say the same thing, the check run they link to aside: each evaluation (a re-run, a
     * {@code /readiness} of the same commit) has its own check run, and editing the comment only for its link would
     * notify for nothing. The link text is ours alone: text from the repository has its brackets escaped.
     */
    static boolean sameBesidesRunLink(String ours, String theirs) {
        return theirs != null && RUN_LINK.matcher(ours).replaceAll(CHECK_RUN)
                .equals(RUN_LINK.matcher(theirs).replaceAll(CHECK_RUN));
    }

    /** Our summary comment: anyone can paste the marker, and GitHub refuses the app's edit of another's comment. */
    private Optional<GHIssueComment> mine(List<GHIssueComment> comments) {
        return comments.stream().filter(c -> botLogin.equals(c.getUserName()) && Markers.isSummary(c.getBody()))
                .findFirst();
    }

    /**
     * The digest of {@code report}.
     *
     * @param commitUrl the evaluated commit's page, or null to name it without a link
     * @param checkRunUrl the check run's page, or null to name it without a link
     */
    static String body(Report report, String headSha, String commitUrl, String checkRunUrl) {
        StringBuilder head = new StringBuilder(Markers.SUMMARY).append("\n## ML readiness: ")
                .append(CheckRunPublisher.title(report)).append("\n\n");
        String shortSha = "`" + (SHA.matcher(headSha).matches() ? ShortSha.of(headSha) : "unknown") + "`";
        head.append("Commit ").append(link(shortSha, safe(commitUrl)));
        if (!report.applicable()) {
            head.append(" · not evaluated: ").append(MarkdownText.message(MarkdownText.cut(report.skipReason(), 200)))
                    .append('\n');
            return head.toString();
        }
        head.append("\n\n"); // no readiness score: it describes a full scan, not the files a change touches

        String card = MarkdownReport.scorecard(report);
        StringBuilder tail = new StringBuilder(notes(report)).append(card).append(card.isEmpty() ? "" : "\n");
        tail.append("Every finding, with how to fix it, is in ")
                .append(link(CHECK_RUN, safe(checkRunUrl))).append('.');
        int ignored = report.ignoredRules().size();
        if (ignored > 0) {
            tail.append(' ').append(ignored).append(ignored == 1 ? " rule is" : " rules are")
                    .append(" ignored on this pull request.");
        }
        tail.append('\n');

        List<Finding> blocking = report.blockingFindings();
        StringBuilder list = new StringBuilder();
        if (!blocking.isEmpty()) {
            list.append("**Blocking** (").append(blocking.size()).append(", at or above `fail-on: ")
                    .append(report.config().failOn().id()).append("`):\n\n");
            Map<String, String> titles = new HashMap<>();
            for (RuleInfo r : report.rules()) {
                titles.put(r.id(), r.title());
            }
            int budget = MAX_BYTES - bytes(head) - bytes(tail) - bytes(list) - bytes(more(blocking.size())) - 1;
            int lines = 0;
            int shown = 0;
            for (List<Finding> group : groups(blocking)) {
                String line = line(group, titles.get(group.get(0).ruleId()));
                if (lines == MAX_LISTED || bytes(line) > budget) {
                    break;
                }
                list.append(line);
                budget -= bytes(line);
                lines++;
                shown += group.size();
            }
            if (shown < blocking.size()) {
                list.append(more(blocking.size() - shown));
            }
            list.append('\n');
        }
        return head.append(list).append(tail).toString();
    }

    /**
     * What the reader must know about coverage (only the first 3,000 files, a truncated tree, diffs not available),
     * within {@value #MAX_NOTES_BYTES} bytes: each note cut to {@value #MAX_NOTE} characters, the ones that do not
     * fit counted.
     */
    private static String notes(Report report) {
        if (report.notes().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("**Notes**\n\n");
        int shown = 0;
        for (String note : report.notes()) {
            String line = "- " + MarkdownText.message(MarkdownText.cut(note, MAX_NOTE)) + "\n";
            if (bytes(md) + bytes(line) > MAX_NOTES_BYTES) {
                break;
            }
            md.append(line);
            shown++;
        }
        if (shown < report.notes().size()) {
            md.append("- ").append(report.notes().size() - shown).append(" more in the check run\n");
        }
        return md.append('\n').toString();
    }

    /**
     * The blocking findings as the digest lists them: one group per rule and file (a file with 25 unseeded calls is
     * one line, not ten), the most severe first (a committed secret is never "and N more" behind a dozen unpinned
     * requirements), then in report order; a group's place is its first finding's.
     */
    static List<List<Finding>> groups(List<Finding> blocking) {
        Map<List<String>, List<Finding>> groups = new LinkedHashMap<>();
        blocking.stream().sorted(Comparator.comparing(Finding::severity)) // stable: report order within a severity
                .forEach(f -> groups.computeIfAbsent(Arrays.asList(f.ruleId(), f.path()), k -> new ArrayList<>())
                        .add(f));
        return List.copyOf(groups.values());
    }

    /**
     * {@code - :x: src/train.py:2, 3, 4 … (25 findings): Random calls without a seed (`reproducibility/random-seed`)}:
     * a group of one rule's findings in one file, its first {@value #MAX_LINES} lines named.
     */
    private static String line(List<Finding> group, String ruleTitle) {
        Finding f = group.get(0);
        StringBuilder md = new StringBuilder("- ").append(MarkdownReport.icon(f.severity())).append(' ');
        if (f.path() == null) {
            md.append("repository");
        } else {
            List<Integer> numbers = group.stream().map(Finding::line).filter(Objects::nonNull).distinct().toList();
            StringBuilder place = new StringBuilder(place(f.path()));
            if (!numbers.isEmpty()) {
                place.append(':').append(numbers.stream().limit(MAX_LINES).map(String::valueOf)
                        .collect(Collectors.joining(", ")));
            }
            md.append(MarkdownText.text(place.toString()));
            if (numbers.size() > MAX_LINES) {
                md.append(" …");
            }
        }
        if (group.size() > 1) {
            md.append(" (").append(group.size()).append(" findings)");
        }
        md.append(": ");
        if (ruleTitle != null) {
            md.append(MarkdownText.text(MarkdownText.cut(ruleTitle, 100))).append(' ');
        }
        return md.append('(').append(MarkdownText.code(f.ruleId())).append(")\n").toString();
    }

    private static String more(int n) {
        return "- and " + n + " more\n";
    }

    /** A long place keeps its end, the file name and line people look for. */
    static String place(String location) {
        if (location.length() <= MAX_PLACE) {
            return location;
        }
        int from = location.length() - (MAX_PLACE - 1);
        if (Character.isLowSurrogate(location.charAt(from))) {
            from++;
        }
        return "…" + location.substring(from);
    }

    private static String link(String text, String url) {
        return url == null ? text : "[" + text + "](" + url + ")";
    }

    /** The address when it is a plain https one ({@link #SAFE_URL}), else null: the text is then shown unlinked. */
    private static String safe(String url) {
        return url != null && url.length() <= MAX_URL && SAFE_URL.matcher(url).matches() ? url : null;
    }

    private static String url(URL url) {
        return url == null ? null : url.toString();
    }

    private static String commitUrl(GHRepository repo, String headSha) {
        String base = repo == null ? null : url(repo.getHtmlUrl());
        return base == null || !SHA.matcher(headSha).matches() ? null : base + "/commit/" + headSha;
    }

    private static int bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}
