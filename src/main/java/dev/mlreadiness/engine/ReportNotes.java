package dev.mlreadiness.engine;

import java.util.ArrayList;
import java.util.List;

import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.engine.snapshot.FileChange;
import dev.mlreadiness.engine.snapshot.SkippedFile;
import dev.mlreadiness.engine.snapshot.Snapshot;

/**
 * The notes a report carries about what the evaluation could not see: a truncated tree, path equivalents it
 * assumed, a pull request listed only in part, changed files whose diff is not available.
 */
final class ReportNotes {

    private ReportNotes() {
    }

    static List<String> of(EvaluationInput in, Snapshot head, RuleContext ctx) {
        List<String> notes = new ArrayList<>();
        if (head.truncated()) {
            notes.add("The repository tree was too large to list whole; rules about missing files saw only part "
                    + "of it.");
        }
        ctx.paths().equivalentsNote().ifPresent(notes::add);
        if (in.changes().partial()) {
            notes.add("Only the first " + String.format(java.util.Locale.ROOT, "%,d", in.changes().files().size())
                    + " changed files were evaluated (GitHub lists at most 3,000 files of a pull request).");
        }
        List<String> noPatch = in.changes().files().stream()
                .filter(c -> c.status().exists() && !c.linesKnown()).map(FileChange::path).sorted().toList();
        if (!noPatch.isEmpty()) {
            notes.add("Line rules skipped " + noPatch.size() + " changed file(s) whose diff is not available "
                    + "(binary or too large): " + String.join(", ", noPatch.subList(0, Math.min(10, noPatch.size())))
                    + (noPatch.size() > 10 ? ", ..." : "") + ".");
        }
        // only a pull request's head has changed files: a full scan has no such note
        List<String> unchecked = ctx.skippedFiles().stream().filter(SkippedFile::changed).map(SkippedFile::path)
                .toList();
        if (!unchecked.isEmpty()) {
            notes.add(unchecked.size() + " changed file(s) could not be checked, so a gap in them would not show: "
                    + String.join(", ", unchecked.subList(0, Math.min(10, unchecked.size())))
                    + (unchecked.size() > 10 ? ", ..." : "")
                    + " (reasons under the skipped files); fail-on counts this as a warning.");
        }
        return notes;
    }
}
