package dev.mlreadiness.github;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.mlreadiness.report.MarkdownReport;

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
