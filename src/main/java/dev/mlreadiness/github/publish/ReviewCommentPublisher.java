package dev.mlreadiness.github.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReviewComment;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.github.ReadinessSettings;
import dev.mlreadiness.github.ShortSha;
import dev.mlreadiness.github.snapshot.Concurrently.IoSupplier;
import dev.mlreadiness.report.MarkdownReport;
import dev.mlreadiness.report.MarkdownText;

/**
 * Inline review comments on new line findings, grouped: one comment per rule, file and diff hunk, anchored on the
 * first finding's line and listing the others. At most one review per pushed commit, at most
 * {@link #MAX_PER_REVIEW} comments; only on lines the diff shows (GitHub refuses a whole review when one comment is
 * elsewhere); never twice for the same finding (a comment carries the fingerprint of each finding it speaks of)
 * nor twice at the same place (it carries the {@linkplain Markers#commentKey key} of each of its lines: rule, file,
 * line); and a comment none of whose findings is left after a later push is edited once to say so. What the
 * review cannot hold goes to the check run's annotations (see {@link CheckRunPublisher}).
 */
@ApplicationScoped
public class ReviewCommentPublisher {

    /** Comments (groups) per review. */
    public static final int MAX_PER_REVIEW = 30;
    /** Findings per comment: a hunk with more gets another comment, so a body stays well under GitHub's limit. */
    static final int MAX_PER_COMMENT = 25;
    /** Characters of a listed line's message. */
    static final int SHORT_MESSAGE = 160;
    /** Characters of a posted message (see {@link #boundedMessage}). */
    static final int LONG_MESSAGE = 2_000;

    /** The opening fence of a suggested change: a fixed comment keeps it as plain code, with nothing to commit. */
    private static final Pattern SUGGESTION_FENCE = Pattern.compile("(?m)^(`{3,})suggestion$");

    private final GitHubWriter writer;
    private final MarkdownReport markdown;
    private final String botLogin;

    public ReviewCommentPublisher(GitHubWriter writer, MarkdownReport markdown, ReadinessSettings settings) {
        this.writer = writer;
        this.markdown = markdown;
        this.botLogin = settings.botLogin();
    }

    /** One inline comment: findings of one rule in one hunk of one file, by line; the first is the anchor. */
    public record Group(List<Finding> findings) {

        public Finding anchor() {
            return findings.get(0);
        }

        String key() {
            return ReviewCommentPublisher.key(anchor());
        }
    }

    /**
     * What a push's review does.
     *
     * @param comments the comments of the review to post (empty: no review)
     * @param inReview the new line findings review comments show: this review's and earlier ones'
     * @param notCommented the new line findings no review comment shows (not on a line of the diff, a review on
     *        this commit already, over the limit): the check run annotates them
     * @param fixed earlier comments of ours none of whose findings is left
     */
    public record Outcome(List<Group> comments, List<Finding> inReview, List<Finding> notCommented,
            List<GHPullRequestReviewComment> fixed) {

        /** The findings of this push's review. */
        public List<Finding> commented() {
            return comments.stream().flatMap(g -> g.findings().stream()).toList();
        }
    }

    /**
     * The comments to post, and which earlier comments are now fixed, without writing anything.
     *
     * @param changes the pull request's files: GitHub rejects a whole review when one comment's line is not in a
     *        hunk of the diff, so findings elsewhere (or in files without a patch) go to the annotations; and only
     *        a comment whose file this push evaluated can be said to be fixed
     * @param headSha the commit the review would be on: at most one review per commit, so when one of ours is
     *        there already (an earlier evaluation of the same push), what is new goes to the annotations
     */
    public Outcome plan(Report report, List<GHPullRequestReviewComment> existing, ChangeSet changes, String headSha)
            throws IOException {
        List<GHPullRequestReviewComment> ours = ours(existing);
        Set<String> alreadyCommented = new HashSet<>();
        Set<String> anchors = new HashSet<>();
        boolean reviewed = false;
        for (GHPullRequestReviewComment c : ours) {
            reviewed |= headSha != null && headSha.equals(c.getOriginalCommitId());
            if (Markers.isFixed(c.getBody())) {
                continue; // says the gap is gone: a gap that comes back is new again
            }
            alreadyCommented.addAll(Markers.fingerprintsOf(c.getBody()));
            // a line key holds a place only for the comment's own line while GitHub still shows it there: the
            // listed lines (and an anchor after lines moved) are known by their fingerprints alone, so a new
            // finding that lands on their old line numbers still gets a place
            Markers.commentKeyOf(c.getBody()).filter(k -> c.getLine() > 0)
                    .ifPresent(k -> anchors.add(k + "@" + c.getLine()));
        }
        List<Finding> inReview = new ArrayList<>();
        List<Finding> notCommented = new ArrayList<>();
        Map<List<Object>, List<Finding>> hunks = new LinkedHashMap<>();
        for (Finding f : report.newFindings()) {
            if (!f.hasLine()) {
                continue;
            }
            if (alreadyCommented.contains(f.fingerprint()) || anchors.contains(key(f) + "@" + f.line())) {
                inReview.add(f); // an earlier comment of its rule speaks of it, or of its line
                continue;
            }
            int hunk = changes.get(f.path()).map(c -> c.hunkStart(f.line())).orElse(-1);
            if (reviewed || hunk < 0) {
                notCommented.add(f);
                continue;
            }
            hunks.computeIfAbsent(List.of(f.ruleId(), f.path(), hunk), k -> new ArrayList<>()).add(f);
        }
        List<Group> groups = new ArrayList<>();
        for (List<Finding> inHunk : hunks.values()) {
            List<Finding> byLine = inHunk.stream().sorted(Comparator.comparingInt(Finding::line)).toList();
            for (int from = 0; from < byLine.size(); from += MAX_PER_COMMENT) {
                groups.add(new Group(byLine.subList(from, Math.min(byLine.size(), from + MAX_PER_COMMENT))));
            }
        }
        // the most severe first, when the limit leaves some out (stable: report order within a severity)
        groups.sort(Comparator.comparing((Group g) -> g.anchor().severity())); // ERROR ranks first
        List<Group> comments = groups.subList(0, Math.min(groups.size(), MAX_PER_REVIEW));
        groups.subList(comments.size(), groups.size()).forEach(g -> notCommented.addAll(g.findings()));
        comments.forEach(g -> inReview.addAll(g.findings()));

        Set<String> current = new HashSet<>();
        Set<String> currentKeys = new HashSet<>();
        report.findings().forEach(f -> current.add(f.fingerprint()));
        report.findings().stream().filter(Finding::hasLine).forEach(f -> currentKeys.add(key(f)));
        // a comment is fixed when nothing it speaks of is left: none of its findings, no finding on any of its lines
        // (a group with some lines fixed stays as it is: its other findings still hold)
        List<GHPullRequestReviewComment> fixed = ours.stream()
                .filter(c -> Markers.fingerprintsOf(c.getBody()).stream().noneMatch(current::contains))
                .filter(c -> Markers.commentKeysOf(c.getBody()).stream().noneMatch(currentKeys::contains))
                .filter(c -> !Markers.isFixed(c.getBody()))
                .filter(c -> ruleRan(report, c.getBody()) && fileEvaluated(report, changes, c.getPath()))
                .toList();
        return new Outcome(List.copyOf(comments), inReview, notCommented, fixed);
    }

    /** The comment key of a finding's line (see {@link Markers#commentKey}). */
    static String key(Finding f) {
        return Markers.keyOf(f.ruleId(), f.path(), f.line());
    }

    /**
     * A finding is also gone when its rule did not run this time (ignored with {@code /readiness ignore}, turned
     * off in config): that is no fix. A comment whose rule cannot be read is never called fixed.
     */
    private static boolean ruleRan(Report report, String body) {
        return Markers.ruleOf(body)
                .filter(id -> !report.ignoredRules().contains(id)
                        && report.rules().stream().anyMatch(r -> r.id().equals(id)))
                .isPresent();
    }

    /**
     * Whether line rules judged the comment's file this push: it is in the change with known added lines and was
     * read, or it is not in the change at all (the push took it out of the pull request, and with it the gap the
     * pull request added) and the listing of the change is complete. A file without a patch, a file beyond
     * GitHub's 3,000 listed files, a skipped file or a deleted one (the tree may just not list it) says nothing.
     */
    private static boolean fileEvaluated(Report report, ChangeSet changes, String path) {
        if (path == null || report.skipped().stream().anyMatch(s -> path.equals(s.path()))) {
            return false;
        }
        return changes.get(path).map(c -> c.status().exists() && c.linesKnown()).orElse(!changes.partial());
    }

    /**
     * The app's own comments: a person quoting one carries its fingerprint too, and must neither stop the app
     * from commenting nor get an edit GitHub would refuse.
     */
    private List<GHPullRequestReviewComment> ours(List<GHPullRequestReviewComment> existing) throws IOException {
        List<GHPullRequestReviewComment> ours = new ArrayList<>();
        for (GHPullRequestReviewComment c : existing) {
            if (Markers.fingerprintOf(c.getBody()).isPresent() && botLogin.equals(ReviewCommentAuthor.login(c))) {
                ours.add(c);
            }
        }
        return ours;
    }

    /**
     * The writes of the plan, independent of each other: the review (made once, see
     * {@link GitHubWriter#createReview(GHPullRequest, String, String, List, IoSupplier)}) and the edits of fixed
     * comments.
     *
     * @param report for the review body's counts
     * @param checkRunUrl the check run's page, linked from the review body (null: not linked)
     */
    public List<IoSupplier<Void>> writes(GHPullRequest pr, String headSha, Outcome plan, Report report,
            String checkRunUrl) {
        List<IoSupplier<Void>> writes = new ArrayList<>();
        if (!plan.comments().isEmpty()) {
            List<GitHubWriter.InlineComment> comments = plan.comments().stream()
                    .map(g -> new GitHubWriter.InlineComment(g.anchor().path(), g.anchor().line(), body(g)))
                    .toList();
            String body = reviewBody(plan, report, checkRunUrl);
            String firstKey = plan.comments().get(0).key();
            writes.add(() -> {
                writer.createReview(pr, headSha, body, comments, () -> posted(pr, headSha, firstKey));
                return null;
            });
        }
        String sha = ShortSha.of(headSha);
        for (GHPullRequestReviewComment c : plan.fixed()) {
            boolean several = Markers.fingerprintsOf(c.getBody()).size() > 1;
            writes.add(() -> {
                writer.editReviewComment(c, ":white_check_mark: **Fixed** in " + sha
                        + (several ? ": these gaps are gone." : ": this gap is gone.") + "\n\n~~"
                        + firstLine(c.getBody()) + "~~\n\n" + SUGGESTION_FENCE.matcher(c.getBody()).replaceAll("$1")
                        + "\n" + Markers.FIXED);
                return null;
            });
        }
        return writes;
    }

    /**
     * What the review holds and where the rest is: the new gaps of this review's comments out of all new gaps,
     * then the others by place (earlier comments, the check run's annotations, its summary).
     */
    String reviewBody(Outcome plan, Report report, String checkRunUrl) {
        int here = plan.commented().size();
        int total = report.newFindings().size();
        int earlier = plan.inReview().size() - here;
        int annotated = plan.notCommented().size()
                + (int) report.newFindings().stream().filter(f -> f.path() != null && f.line() == null).count();
        int summaryOnly = (int) report.newFindings().stream().filter(f -> f.path() == null).count();
        String run = checkRunUrl == null ? "the check run" : "the [check run](" + checkRunUrl + ")";
        StringBuilder b = new StringBuilder("ML readiness: ").append(here).append(" of the ").append(total)
                .append(" new ").append(total == 1 ? "gap" : "gaps").append(" of this pull request, in ")
                .append(plan.comments().size()).append(plan.comments().size() == 1 ? " comment." : " comments.");
        List<String> rest = new ArrayList<>();
        if (earlier > 0) {
            rest.add(earlier + " in earlier comments");
        }
        if (annotated > 0) {
            rest.add(annotated + " as annotations of the check run");
        }
        if (summaryOnly > 0) {
            rest.add(summaryOnly + " about the whole repository in its summary");
        }
        if (!rest.isEmpty()) {
            b.append(" The others: ").append(String.join(", ", rest)).append('.');
        }
        b.append(" The full report is in ").append(run).append('.');
        return b.toString();
    }

    /**
     * Whether a review whose answer was lost got through: a review lands whole, so one of its comments (by the
     * key of its anchor, which no current comment of ours had, on this commit: an old comment called fixed may
     * have the same key) tells.
     */
    private boolean posted(GHPullRequest pr, String headSha, String key) throws IOException {
        for (GHPullRequestReviewComment c : pr.listReviewComments()) {
            if (Markers.commentKeyOf(c.getBody()).filter(key::equals).isPresent()
                    && headSha != null && headSha.equals(c.getOriginalCommitId())
                    && botLogin.equals(ReviewCommentAuthor.login(c))) {
                return true;
            }
        }
        return false;
    }

    /** The comment of a single finding. */
    String body(Finding f) {
        return body(new Group(List.of(f)));
    }

    /**
     * A comment names the rule, says what to do on its line, offers the anchor's suggested change, lists the
     * other lines of its group with their messages, links the rule's page, and carries the hidden fingerprints
     * and line keys.
     */
    String body(Group g) {
        // the suggested change is the one finding of the anchor's line that has one (its rule may say two things
        // of that line, only one of which a suggestion fixes); two different ones there: none, a suggestion must
        // fix what its comment says
        int anchorLine = g.anchor().line();
        List<Finding> suggesting = g.findings().stream().filter(f -> f.line() == anchorLine)
                .filter(f -> f.suggestionOpt().filter(ReviewCommentPublisher::suggestible).isPresent()).toList();
        boolean oneSuggestion = suggesting.stream().map(f -> f.suggestionOpt().get()).distinct().count() == 1;
        Finding a = oneSuggestion ? suggesting.get(0) : g.anchor();
        StringBuilder b = new StringBuilder(MarkdownReport.icon(a.severity())).append(" **`").append(a.ruleId())
                .append("`** (").append(a.severity().id()).append("): ")
                .append(MarkdownText.message(boundedMessage(a.message())))
                .append("\n\n");
        List<Finding> others = g.findings().stream().filter(f -> f != a).toList();
        if (oneSuggestion) {
            b.append(suggestionBlock(a.suggestionOpt().get())).append('\n');
            List<String> alike = others.stream().filter(f -> f.line() != anchorLine)
                    .filter(f -> f.suggestionOpt().filter(ReviewCommentPublisher::suggestible)
                            .isPresent())
                    .map(f -> Integer.toString(f.line())).distinct().toList();
            if (!alike.isEmpty()) {
                b.append("The same kind of fix applies to ").append(alike.size() == 1 ? "line " : "lines ")
                        .append(String.join(", ", alike)).append(".\n\n");
            }
        }
        if (!others.isEmpty()) {
            b.append("Also in this hunk:\n\n");
            for (Finding f : others) {
                b.append("- line ").append(f.line()).append(": ")
                        .append(MarkdownText.message(shortMessage(f.message())))
                        .append('\n');
            }
            b.append('\n');
        }
        b.append("[How to fix](").append(markdown.ruleUrl(a.ruleId()))
                .append(") · silence a line with `readiness: ignore[")
                .append(a.ruleId()).append("]`\n\n");
        g.findings().stream().map(Finding::fingerprint).distinct()
                .forEach(fp -> b.append(Markers.fingerprint(fp)).append('\n'));
        g.findings().stream().map(Finding::line).distinct()
                .forEach(line -> b.append(Markers.commentKey(a.ruleId(), a.path(), line)).append('\n'));
        return b.toString().strip();
    }

    /**
     * A suggested change can be shown when it is one line of plain text: no line break or other control character
     * (it must replace exactly the anchor's line), and no {@code <!--}, which could pass for one of the app's hidden
     * markers (nothing inside a code block can be escaped).
     */
    static boolean suggestible(String text) {
        return !text.contains("<!--") && text.chars().noneMatch(c -> c != '\t' && Character.isISOControl(c));
    }

    /**
     * GitHub's suggested change: a fenced block with the info string {@code suggestion}, whose fence is longer
     * than any run of backticks in the text, so the repository's text can neither close it nor add markup.
     */
    static String suggestionBlock(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "suggestion\n" + text + "\n" + fence + "\n";
    }

    /**
     * A finding's message as posted (a comment's head, an annotation): at most {@value #LONG_MESSAGE} characters,
     * so a message quoting a hostile line (a 70,000-character FROM line) cannot make GitHub refuse the whole review
     * (65,536 characters a comment) or the check run's annotations (64 KB a message). Never cuts a surrogate pair.
     */
    static String boundedMessage(String message) {
        return MarkdownText.cut(message, LONG_MESSAGE);
    }

    /** A message cut at a word after {@value #SHORT_MESSAGE} characters, for a listed line. */
    static String shortMessage(String message) {
        if (message.length() <= SHORT_MESSAGE) {
            return message;
        }
        int cut = message.lastIndexOf(' ', SHORT_MESSAGE);
        return message.substring(0, cut > SHORT_MESSAGE / 2 ? cut : SHORT_MESSAGE).strip() + "…";
    }

    private static String firstLine(String body) {
        int nl = body.indexOf('\n');
        return (nl < 0 ? body : body.substring(0, nl)).strip();
    }
}
