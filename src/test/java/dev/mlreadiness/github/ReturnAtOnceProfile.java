package dev.mlreadiness.github;

import java.util.Map;

/**
 * {@link WireMockProfile} with webhook handlers that return at once, as in production. In test mode the extension
 * handles at most one delivery per event loop at a time and waits for its handler, so a handler that waits for its
 * evaluation would let only two deliveries in at once: concurrency tests need this profile.
 */
public class ReturnAtOnceProfile extends WireMockProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ml-readiness.queue.await-evaluation", "false");
    }
}
