package dev.mlreadiness.github;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Which request of the app waited for which, counted in rounds: while {@linkplain #record recording}, the fake GitHub
 * notes when each request arrived and when its answer left, and holds every answer for a fixed delay before it
 * leaves. A request that arrived after another's answer left may have waited for it (it cannot have been sent before
 * that answer existed); requests sent side by side all arrive within the delay, before any of their answers leaves.
 * The {@linkplain #rounds rounds} are the longest chain of requests each of which arrived after the previous one's
 * answer left: a count from the order of events, not a timing. The delay only has to be longer than the app's lag
 * between requests it sends together, which is what makes the count robust on a loaded machine.
 */
public final class RequestRounds implements ServeEventListener {

    static final String NAME = "request-rounds";

    /** One request: when it arrived and when its answer left, in {@link System#nanoTime} units. */
    record Timed(String line, long arrived, long answered) {
    }

    private static volatile long delayMs = -1; // negative: not recording
    private static final Map<UUID, Timed> SEEN = new ConcurrentHashMap<>();

    /** Starts recording afresh; every answer is held {@code delayMs} before it leaves. */
    static void record(long delayMs) {
        SEEN.clear();
        RequestRounds.delayMs = delayMs;
    }

    /** Stops recording; the requests recorded, by arrival. */
    static List<Timed> finish() {
        delayMs = -1;
        return SEEN.values().stream().filter(t -> t.answered() > 0).sorted(Comparator.comparingLong(Timed::arrived))
                .toList();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
        if (delayMs >= 0) {
            SEEN.put(event.getId(), new Timed(event.getRequest().getMethod().getName() + " "
                    + event.getRequest().getUrl(), System.nanoTime(), 0));
        }
    }

    /** Called before the answer is written: the delay is held here, so "answered" is before the app can read it. */
    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        Timed t = SEEN.get(event.getId());
        if (t == null) {
            return;
        }
        long delay = delayMs;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SEEN.put(event.getId(), new Timed(t.line(), t.arrived(), System.nanoTime()));
    }

    /**
     * The round of each request, in the order given: 1 for a request that arrived before any answer left, else one
     * more than the highest round among the requests whose answer left before it arrived.
     */
    static int[] roundOf(List<Timed> requests) {
        List<Timed> byArrival = requests.stream().sorted(Comparator.comparingLong(Timed::arrived)).toList();
        Map<Timed, Integer> round = new java.util.IdentityHashMap<>();
        for (Timed r : byArrival) {
            int before = 0;
            for (Timed q : byArrival) {
                if (q.answered() < r.arrived()) {
                    before = Math.max(before, round.get(q)); // arrived before r, so its round is known
                }
            }
            round.put(r, before + 1);
        }
        return requests.stream().mapToInt(round::get).toArray();
    }

    /** The length of the longest chain of requests each of which arrived after the previous one's answer left. */
    static int rounds(List<Timed> requests) {
        return java.util.Arrays.stream(roundOf(requests)).max().orElse(0);
    }

    /** "round 1: GET ..., POST ..." per round, for the test's output and failure messages. */
    static List<String> describe(List<Timed> requests) {
        int[] rounds = roundOf(requests);
        List<List<String>> by = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            while (by.size() < rounds[i]) {
                by.add(new ArrayList<>());
            }
            by.get(rounds[i] - 1).add(requests.get(i).line());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            out.add("round " + (i + 1) + ": " + String.join(", ", by.get(i)));
        }
        return out;
    }
}
