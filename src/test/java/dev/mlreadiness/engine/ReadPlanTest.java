package dev.mlreadiness.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.engine.config.ReadinessConfig;
import dev.mlreadiness.engine.rule.FileSelector;
import dev.mlreadiness.engine.rule.Findings;
import dev.mlreadiness.engine.rule.Rule;
import dev.mlreadiness.engine.rule.RuleContext;
import dev.mlreadiness.engine.rule.RuleInfo;
import dev.mlreadiness.engine.rule.Scope;
import dev.mlreadiness.engine.rule.Severity;
import dev.mlreadiness.engine.snapshot.ChangeSet;
import dev.mlreadiness.engine.snapshot.FileEntry;
import dev.mlreadiness.engine.snapshot.Snapshot;

/** The base side's files are read on a thread of their own, never on the common pool that passes keep busy. */
class ReadPlanTest {

    @Test
    void theBaseSideIsReadOnItsOwnThreadBesideTheHead() {
        Set<String> readers = ConcurrentHashMap.newKeySet();
        Snapshot base = Snapshot.of(List.of(new FileEntry("README.md", 3)), f -> {
            readers.add(Thread.currentThread().getName());
            return Optional.of("# r".getBytes(StandardCharsets.UTF_8));
        });
        Snapshot head = Snapshot.of(List.of(new FileEntry("README.md", 3)),
                f -> Optional.of("# r".getBytes(StandardCharsets.UTF_8)));
        Rule readme = new Rule() {
            @Override
            public RuleInfo info() {
                return new RuleInfo("structure/test-readme", "Readme", Severity.NOTICE, Scope.REPOSITORY,
                        TestRules.doc("Reads the README."));
            }

            @Override
            public FileSelector reads() {
                return FileSelector.inTree(f -> f.path().equals("README.md"));
            }

            @Override
            public void check(RuleContext ctx, Findings out) {
            }
        };
        ChangeSet changes = ChangeSet.fullScan();
        RuleContext baseCtx = new RuleContext(base, changes, ReadinessConfig.defaults(), RuleContext.Side.BASE);
        RuleContext headCtx = new RuleContext(head, changes, ReadinessConfig.defaults(), RuleContext.Side.HEAD);

        ReadPlan.prefetch(headCtx, baseCtx, List.of(readme));

        assertThat(base.isLoaded("README.md")).isTrue();
        assertThat(readers).containsExactly(ReadPlan.BASE_PREFETCH);
    }
}
