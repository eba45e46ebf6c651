package dev.mlreadiness.github;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import dev.mlreadiness.engine.Checklist;
import dev.mlreadiness.engine.Rules;
import dev.mlreadiness.engine.config.ConfigException;
import dev.mlreadiness.engine.config.ConfigLoader;
import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.config.ReadinessConfig.CommentMode;
import dev.mlreadiness.engine.snapshot.EvaluationInput;
import dev.mlreadiness.github.snapshot.ConfigTexts;
import dev.mlreadiness.github.snapshot.PullRequestReader;
import dev.mlreadiness.github.snapshot.PullRequestSnapshot;

/**
 * Whether and how to review, decided from what was read and before anything is written.
 *
 * @param verdict silent, invalid config, or review
 * @param detail why silent; empty otherwise
 * @param configError what is wrong with the config, for {@link Verdict#INVALID_CONFIG}
 * @param input what the checklist evaluates, for {@link Verdict#REVIEW}
 * @param inline comment findings inline (the config asks for reviews and the pull request is no draft)
 * @param summary keep a summary comment
 */
record ReviewDecision(Verdict verdict, String detail, ConfigException configError, EvaluationInput input,
        boolean inline, boolean summary) {

    enum Verdict {
        SILENT,
        INVALID_CONFIG,
        REVIEW
    }

    static ReviewDecision decide(Rules rules, Checklist checklist, PullRequestReader.Result read, boolean draft)
            throws IOException {
        PullRequestSnapshot snapshot = read.snapshot();
        ConfigTexts texts = read.config();
        ReadinessConfig config;
        try {
            config = new ConfigLoader(rules.ids()).load(texts.orgText(), texts.orgSource(), texts.repoText(),
                    texts.repoSource());
        } catch (ConfigException e) {
            // the repository's own file asked for the app: say what is wrong. A broken organization file must not
            // give every repository of the organization a failing check: only ML projects hear of it
            Optional<String> silent = texts.optsIn() ? Optional.empty()
                    : skipReason(checklist, snapshot, input(snapshot, ReadinessConfig.defaults(), false));
            return silent.map(ReviewDecision::silent)
                    .orElseGet(() -> new ReviewDecision(Verdict.INVALID_CONFIG, "", e, null, false, false));
        }
        EvaluationInput input = input(snapshot, config, texts.optsIn());
        Optional<String> skip = skipReason(checklist, snapshot, input);
        if (skip.isPresent()) {
            return silent(skip.get());
        }
        return new ReviewDecision(Verdict.REVIEW, "", null, input, config.comments() == CommentMode.REVIEW && !draft,
                config.comments() != CommentMode.NONE);
    }

    private static ReviewDecision silent(String why) {
        return new ReviewDecision(Verdict.SILENT, why, null, null, false, false);
    }

    private static EvaluationInput input(PullRequestSnapshot snapshot, ReadinessConfig config, boolean optsIn) {
        return EvaluationInput.change(snapshot.base(), snapshot.head(), snapshot.changes(), config, optsIn);
    }

    /**
     * Why the app stays silent on this input, decided before any write by the engine's own rule, with the
     * detector's few files fetched in one batch first; empty when it reviews. When the first request already read
     * the head's (its root manifests), the head is asked alone first: an ML project by its head is then decided
     * without a request, and the base's files are read only when the head is not one.
     */
    private static Optional<String> skipReason(Checklist checklist, PullRequestSnapshot snapshot,
            EvaluationInput input) throws IOException {
        Checklist.Reads detection = checklist.detectionReads(input);
        if (!detection.head().isEmpty() && snapshot.knownInHead(detection.head())) {
            EvaluationInput headAlone = new EvaluationInput(input.head(), null, input.changes(), input.config(),
                    input.configPresent(), input.ignoredRules());
            if (checklist.skipReason(headAlone).isEmpty()) {
                return Optional.empty();
            }
            snapshot.prefetch(List.of(), detection.base());
            return checklist.skipReason(input);
        }
        snapshot.prefetch(detection.head(), detection.base());
        return checklist.skipReason(input);
    }
}
