package dev.mlreadiness.github;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL server the queue tests use (127.0.0.1:5432, trust authentication, database {@code test};
 * {@code -Dml-readiness.test.postgres.url=jdbc:postgresql://host:port/db} and {@code .user} point elsewhere). Each
 * test run works in schemas of its own, migrated by the app's Flyway scripts and dropped at the end. Without a
 * server the tests are skipped with a loud message, except in CI ({@code CI=true}), where they fail.
 */
public final class TestDatabase {

    public static final String URL = System.getProperty("ml-readiness.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getProperty("ml-readiness.test.postgres.user", "postgres");
    private static Boolean available;

    private TestDatabase() {
    }

    /** Skips the calling test (fails it in CI) when the server does not answer. */
    public static synchronized void assumeAvailable() {
        if (available == null) {
            try (Connection c = DriverManager.getConnection(URL, USER, "")) {
                available = c.isValid(5);
            } catch (SQLException e) {
                available = false;
                String message = "\n\n*** PostgreSQL tests NOT RUN: no server at " + URL + " as " + USER + " ("
                        + e.getMessage() + ").\n*** Start it (pg_ctlcluster --skip-systemctl-redirect "
                        + "$(ls /etc/postgresql) main start, as .ci/run does) or point the tests at one with\n"
                        + "*** -Dml-readiness.test.postgres.url=jdbc:postgresql://HOST:PORT/DB "
                        + "-Dml-readiness.test.postgres.user=USER\n";
                System.err.println(message);
            }
        }
        if (!available) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("PostgreSQL is required in CI and does not answer at " + URL);
            }
            Assumptions.abort("PostgreSQL does not answer at " + URL + ": test skipped");
        }
    }

    /** A new schema, migrated: {@code mlr_<prefix>_<random>}. */
    public static String newSchema(String prefix) {
        String schema = "mlr_" + prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Flyway.configure().dataSource(URL, USER, "").schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").load().migrate();
        return schema;
    }

    /** A JDBC URL whose connections work in {@code schema}. */
    public static String url(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static DataSource dataSource(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(URL);
        ds.setUser(USER);
        ds.setCurrentSchema(schema);
        return ds;
    }

    public static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void drop(String schema) {
        try (Connection c = DriverManager.getConnection(URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
