package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.deliveries.RedeliverFailedDeliveries;
import dev.mlreadiness.github.queue.PostgresWorkQueue;
import dev.mlreadiness.github.queue.WorkQueue;

/**
 * {@link QueueOverHttpTest}'s deliveries with the queue in PostgreSQL: the app as one replica of a deployment,
 * its datasource active and migrated by Flyway at start.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresQueueOverHttpTest extends QueueOverHttpTest {

    @Inject
    WorkQueue appQueue;

    @BeforeAll
    static void forgetWhatOtherClassesPosted() {
        GitHubState.reset(); // the same pull request numbers as QueueOverHttpTest
    }

    @BeforeEach
    void needsTheServer() {
        TestDatabase.assumeAvailable();
    }

    @Inject
    RedeliverFailedDeliveries recovery;

    /** With PostgreSQL one replica at a time recovers failed deliveries: the one holding the advisory lock. */
    @Test
    void theRecoveryOfFailedDeliveriesRunsOnlyUnderTheAdvisoryLock() throws Exception {
        javax.sql.DataSource db = TestDatabase.dataSource(PostgresResource.schema);
        try (java.sql.Connection other = db.getConnection();
                java.sql.PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, 0x6d6c722d7265646cL); // another replica runs it
            lock.execute();
            server.resetRequests();
            assertThat(recovery.recover()).isEqualTo(-1);
            assertThat(GitHubJournal.of(server).matching("GET", "/app/hook/deliveries")).isEmpty();
            try (java.sql.PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, 0x6d6c722d7265646cL); // the other replica is done
                unlock.execute();
            }
        }
        assertThat(recovery.recover()).isNotEqualTo(-1);
        assertThat(GitHubJournal.of(server).matching("GET", "/app/hook/deliveries")).hasSize(1);
    }

    @Test
    void theAppsQueueIsThePostgresOne() {
        assertThat(appQueue.toString()).isNotNull();
        assertThat(((io.quarkus.arc.ClientProxy) appQueue).arc_contextualInstance())
                .isInstanceOf(PostgresWorkQueue.class);
    }
}
