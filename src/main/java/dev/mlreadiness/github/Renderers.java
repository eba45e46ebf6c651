package dev.mlreadiness.github;

import dev.mlreadiness.report.MarkdownReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The report renderers the app shares: built once, from its settings. */
@ApplicationScoped
public class Renderers {

    /** Rule links point at the configured documentation ({@code ml-readiness.docs-url}). */
    @Produces
    @Singleton
    MarkdownReport markdownReport(ReadinessSettings settings) {
        return new MarkdownReport(settings.docsUrl());
    }
}
