package dev.mlreadiness.github;

import java.util.List;

/** {@link WireMockProfile} with the work queue in PostgreSQL. */
public class PostgresProfile extends WireMockProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockGitHubResource.class),
                new TestResourceEntry(PostgresResource.class));
    }
}
