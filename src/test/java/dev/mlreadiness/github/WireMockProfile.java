package dev.mlreadiness.github;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Real GitHub clients against WireMock. Global test resources are off so the testing DSL's mocks stay out.
 * Every end-to-end class uses this one profile, so Quarkus starts once for all of them.
 */
public class WireMockProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockGitHubResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
