package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @Test
    void theAppsQueueIsThePostgresOne() {
        assertThat(appQueue.toString()).isNotNull();
        assertThat(((io.quarkus.arc.ClientProxy) appQueue).arc_contextualInstance())
                .isInstanceOf(PostgresWorkQueue.class);
    }
}
