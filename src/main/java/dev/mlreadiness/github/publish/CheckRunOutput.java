package dev.mlreadiness.github.publish;

import java.util.List;
import java.util.Locale;

import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;

/**
 * What a completed check run shows: conclusion, title, summary and the annotations (any number;
 * {@link GitHubWriter} sends them 50 a request).
 */
public record CheckRunOutput(GHCheckRun.Conclusion conclusion, String title, String summary,
        List<Annotation> annotations) {

    /** One annotation on a line of the head commit. */
    public record Annotation(String path, int line, String level, String title, String message) {
    }

    /** The output with the annotations {@code from} (inclusive) to {@code to} (exclusive) only. */
    GHCheckRunBuilder.Output toGitHub(int from, int to) {
        GHCheckRunBuilder.Output out = new GHCheckRunBuilder.Output(title, summary);
        for (Annotation a : annotations.subList(from, to)) {
            out.add(new GHCheckRunBuilder.Annotation(a.path(), a.line(),
                    GHCheckRun.AnnotationLevel.valueOf(a.level().toUpperCase(Locale.ROOT)), a.message())
                    .withTitle(a.title()));
        }
        return out;
    }
}
