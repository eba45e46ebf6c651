package dev.mlreadiness.github;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.mlreadiness.engine.Finding;
import dev.mlreadiness.engine.Report;

/** The app's Prometheus metrics: events in, evaluations out, GitHub requests, findings by rule. */
@ApplicationScoped
public class ReadinessMetrics {

    private final MeterRegistry registry;

    public ReadinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void eventReceived(String event, String action) {
        registry.counter("mlreadiness.events", "event", event, "action", action).increment();
    }

    /** @param outcome done or declined */
    public void command(String command, String outcome) {
        registry.counter("mlreadiness.commands", "command", command, "outcome", outcome).increment();
    }

    /** @param outcome success, failure, neutral, config_error, skipped, superseded or error (could not evaluate) */
    public void evaluated(String outcome, Duration duration) {
        registry.counter("mlreadiness.evaluations", "outcome", outcome).increment();
        Timer.builder("mlreadiness.evaluation.duration").tag("outcome", outcome).register(registry).record(duration);
    }

    /** @param status the HTTP status, or "error" when no response came */
    public void githubRequest(String api, String method, String status) {
        registry.counter("mlreadiness.github.requests", "api", api, "method", method, "status", status).increment();
    }

    public void findings(Report report) {
        for (Finding f : report.findings()) {
            registry.counter("mlreadiness.findings", "rule", f.ruleId(), "new", Boolean.toString(f.isNew()))
                    .increment();
        }
    }
}
