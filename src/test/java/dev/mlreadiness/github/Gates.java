package dev.mlreadiness.github;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Latches a fake holds requests at: a request naming a closed key counts down the key's {@linkplain #reached
 * reached} latch, then waits (a minute at most) until the test opens the gate. Shared by {@link FakeGitHub} (keys
 * are refs) and {@link GitHubState} (keys are paths).
 */
final class Gates {

    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> reached = new ConcurrentHashMap<>();

    /** Makes requests naming {@code key} wait until the returned latch is opened; the test awaits {@link #reached}. */
    CountDownLatch close(String key) {
        reached.put(key, new CountDownLatch(1));
        CountDownLatch gate = new CountDownLatch(1);
        gates.put(key, gate);
        return gate;
    }

    /** Opened when a request reached the gate of {@code key}. */
    CountDownLatch reached(String key) {
        return reached.get(key);
    }

    /** Called by the fake: waits at every closed gate whose key the request names. */
    void pass(Predicate<String> named) {
        for (Map.Entry<String, CountDownLatch> gate : gates.entrySet()) {
            if (named.test(gate.getKey())) {
                reached.get(gate.getKey()).countDown();
                try {
                    gate.getValue().await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Lets every waiting request through and forgets the gates. */
    void openAll() {
        gates.values().forEach(CountDownLatch::countDown);
        gates.clear();
        reached.clear();
    }
}
