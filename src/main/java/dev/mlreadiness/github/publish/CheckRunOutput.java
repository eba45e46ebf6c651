package dev.mlreadiness.github.publish;

import java.util.List;

import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;

/**
 * What a completed check run shows: conclusion, title, summary and the annotations (any number; the GitHub
 * client sends them 50 a request).
 */
public record CheckRunOutput(GHCheckRun.Conclusion conclusion, String title, String summary,
        List<Annotation> annotations) {

    /** One annotation on a line of the head commit. */
    public record Annotation(String path, int line, String level, String title, String message) {
    }

    GHCheckRunBuilder.Output toGitHub() {
        GHCheckRunBuilder.Output out = new GHCheckRunBuilder.Output(title, summary);
        for (Annotation a : annotations) {
            out.add(new GHCheckRunBuilder.Annotation(a.path(), a.line(),
                    GHCheckRun.AnnotationLevel.valueOf(a.level().toUpperCase(java.util.Locale.ROOT)), a.message())
                    .withTitle(a.title()));
        }
        return out;
    }
}
