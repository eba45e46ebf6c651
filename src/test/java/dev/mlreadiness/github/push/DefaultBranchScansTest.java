package dev.mlreadiness.github.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.push.CommitScan.Outcome;

class DefaultBranchScansTest {

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final List<String> scanned = new CopyOnWriteArrayList<>();

    static PushedCommit push(String repository, String sha, long pushedAt) {
        return new PushedCommit(1, repository, sha, Instant.ofEpochSecond(pushedAt), "d-" + sha, "{}");
    }

    static CommitScan get(java.util.concurrent.CompletionStage<CommitScan> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void pushesThatArriveDuringAScanBecomeOneScanOfTheNewestCommit() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DefaultBranchScans scans = new DefaultBranchScans(p -> {
            scanned.add(p.commitSha());
            if (p.commitSha().equals("a")) {
                running.countDown();
                await(release);
            }
            return CommitScan.of(Outcome.SCORED, p.commitSha(), "");
        }, 2, metrics);
        try {
            var a = scans.submit(push("o/r", "a", 1));
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            var b = scans.submit(push("o/r", "b", 2));
            var c = scans.submit(push("o/r", "c", 4));
            var late = scans.submit(push("o/r", "older", 3)); // delivered late: pushed before c
            release.countDown();

            assertThat(get(a).commitSha()).isEqualTo("a");
            assertThat(List.of(get(b), get(c), get(late))).extracting(CommitScan::commitSha).containsOnly("c");
            assertThat(scanned).containsExactly("a", "c");
            assertThat(metrics.counter("mlreadiness.push.scans", "outcome", "coalesced").count()).isEqualTo(2.0);
            assertThat(metrics.counter("mlreadiness.push.scans", "outcome", "scored").count()).isEqualTo(2.0);
            until(scans::idle);
        } finally {
            scans.stop();
        }
    }

    @Test
    void aFailedScanLeavesTheRepositoryFreeForTheNextPush() throws Exception {
        DefaultBranchScans scans = new DefaultBranchScans(p -> {
            scanned.add(p.commitSha());
            if (p.commitSha().equals("broken")) {
                throw new IOException("GitHub answered 502");
            }
            if (p.commitSha().equals("bug")) {
                throw new IllegalStateException("a bug");
            }
            return CommitScan.of(Outcome.SCORED, p.commitSha(), "");
        }, 1, metrics);
        try {
            CommitScan failed = get(scans.submit(push("o/r", "broken", 1)));
            assertThat(failed.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(failed.detail()).contains("502");
            assertThat(get(scans.submit(push("o/r", "bug", 2))).outcome()).isEqualTo(Outcome.FAILED);
            assertThat(get(scans.submit(push("o/r", "next", 3))).outcome()).isEqualTo(Outcome.SCORED);
            assertThat(scanned).containsExactly("broken", "bug", "next");
            assertThat(metrics.counter("mlreadiness.push.scans", "outcome", "failed").count()).isEqualTo(2.0);
        } finally {
            scans.stop();
        }
    }

    @Test
    void beyondTheBoundOfWaitingRepositoriesAPushIsRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DefaultBranchScans scans = new DefaultBranchScans(p -> {
            await(release);
            return CommitScan.of(Outcome.SCORED, p.commitSha(), "");
        }, 1, metrics);
        try {
            List<CompletableFuture<CommitScan>> accepted = new java.util.ArrayList<>();
            for (int i = 0; i < DefaultBranchScans.MAX_REPOSITORIES; i++) {
                accepted.add(scans.submit(push("o/r" + i, "s" + i, i)).toCompletableFuture());
            }
            CommitScan refused = get(scans.submit(push("o/one-too-many", "x", 0)));
            assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
            // a repository already waiting still takes its newer push
            var newer = scans.submit(push("o/r7", "s7-newer", 100));
            release.countDown();
            assertThat(get(newer).commitSha()).isEqualTo("s7-newer");
            for (CompletableFuture<CommitScan> f : accepted) {
                assertThat(get(f).outcome()).isEqualTo(Outcome.SCORED);
            }
            assertThat(metrics.counter("mlreadiness.push.scans", "outcome", "refused").count()).isEqualTo(1.0);
        } finally {
            scans.stop();
        }
    }

    @Test
    void afterStopAPushIsNotScanned() throws Exception {
        DefaultBranchScans scans = new DefaultBranchScans(p -> {
            scanned.add(p.commitSha());
            return CommitScan.of(Outcome.SCORED, p.commitSha(), "");
        }, 1, metrics);
        scans.stop();
        assertThat(get(scans.submit(push("o/r", "a", 1))).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(scanned).isEmpty();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 6000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
