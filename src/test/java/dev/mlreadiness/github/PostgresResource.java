package dev.mlreadiness.github;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The app's queue in PostgreSQL, in a schema of its own that Flyway creates at start and this resource drops at
 * the end. Without a server the app starts with the in-memory queue and the tests skip themselves
 * ({@link TestDatabase#assumeAvailable}, which fails them in CI).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    static String schema;

    @Override
    public Map<String, String> start() {
        try {
            TestDatabase.assumeAvailable();
        } catch (RuntimeException | AssertionError unavailable) {
            return Map.of();
        }
        schema = TestDatabase.newSchema("app");
        return config(schema);
    }

    /** The settings that put a replica's queue in {@code schema}. */
    public static Map<String, String> config(String schema) {
        return Map.of("ml-readiness.queue", "postgresql",
                "quarkus.datasource.jdbc.url", TestDatabase.url(schema),
                "quarkus.datasource.username", TestDatabase.USER,
                "quarkus.flyway.schemas", schema);
    }

    @Override
    public void stop() {
        if (schema != null) {
            TestDatabase.drop(schema);
            schema = null;
        }
    }
}
