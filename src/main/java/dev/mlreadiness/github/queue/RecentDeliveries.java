package dev.mlreadiness.github.queue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deliveries ({@code X-GitHub-Delivery}, which a redelivery keeps) seen lately, so that a redelivery of one
 * processed successfully, or still in progress, is not processed again. Bounded: the oldest are forgotten first. A
 * failed delivery is forgotten at once, so that its redelivery is processed. With the PostgreSQL queue they are
 * recorded in the database instead ({@link PostgresDeliveries}), and every replica sees them.
 */
public class RecentDeliveries {

    /** About a day of deliveries of a busy installation, at ~100 bytes each. */
    static final int CAPACITY = 10_000;

    private final Map<String, Boolean> seen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time {@code id} is claimed; false while it is in progress and after it was done. */
    public synchronized boolean claim(String id) {
        return seen.putIfAbsent(id, Boolean.FALSE) == null;
    }

    /** The delivery was processed: a redelivery is dropped. */
    public synchronized void done(String id) {
        seen.replace(id, Boolean.TRUE);
    }

    /** The delivery failed: a redelivery is processed. */
    public synchronized void release(String id) {
        seen.remove(id);
    }
}
