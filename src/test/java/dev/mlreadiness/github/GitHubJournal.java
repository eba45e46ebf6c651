package dev.mlreadiness.github;

import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** What the app asked of the fake GitHub since the journal was last cleared, in arrival order. */
record GitHubJournal(List<LoggedRequest> requests) {

    static GitHubJournal of(WireMockServer server) {
        return new GitHubJournal(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList());
    }

    /** Requests made with the installation token (the app's own work, not token creation). */
    List<LoggedRequest> api() {
        return requests.stream().filter(r -> !r.getUrl().startsWith("/app")).toList();
    }

    List<LoggedRequest> writes() {
        return requests.stream().filter(r -> !r.getMethod().getName().equals("GET") && !r.getUrl().equals("/graphql"))
                .toList();
    }

    List<LoggedRequest> matching(String method, String pathRegex) {
        return requests.stream().filter(r -> r.getMethod().getName().equals(method)
                && r.getUrl().split("\\?")[0].matches(pathRegex)).toList();
    }

    List<String> lines() {
        return requests.stream().map(r -> r.getMethod().getName() + " " + r.getUrl()).toList();
    }
}
