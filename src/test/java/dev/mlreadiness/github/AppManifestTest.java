package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.rvesse.airline.annotations.Cli;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkiverse.githubapp.event.Event;
import io.quarkiverse.githubapp.event.RawEvent;
import org.junit.jupiter.api.Test;

/**
 * The events the app subscribes to in {@code .github/app-manifest.json} and lists in the README are the events its
 * handlers take, read from the code: a handler without its subscription never runs, a subscription without a
 * handler costs a delivery per event for nothing.
 */
class AppManifestTest {

    /** GitHub sends these to every app and lets no app subscribe to them. */
    static final Set<String> ALWAYS_SENT = Set.of("installation", "installation_repositories");

    /** Every event a handler method or a {@code /readiness} command line of the app takes. */
    static Set<String> handledEvents() {
        Set<String> events = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mlreadiness.github")) {
            Class<?> type = c.reflect();
            if (type.isAnnotationPresent(Cli.class)) {
                events.add("issue_comment"); // the extension's command dispatcher listens to comments
            }
            for (Method m : type.getDeclaredMethods()) {
                for (Parameter p : m.getParameters()) {
                    for (Annotation a : p.getAnnotations()) {
                        events.addAll(eventsOf(a));
                    }
                }
            }
        }
        return events;
    }

    private static List<String> eventsOf(Annotation a) {
        List<String> out = new ArrayList<>();
        if (a instanceof RawEvent raw) {
            out.add(raw.event());
        }
        if (a.annotationType().isAnnotationPresent(Event.class)) {
            out.add(a.annotationType().getAnnotation(Event.class).name());
        }
        for (Annotation meta : a.annotationType().getAnnotations()) {
            if (meta.annotationType().isAnnotationPresent(Event.class)) {
                out.add(meta.annotationType().getAnnotation(Event.class).name()); // @PullRequest.Opened
            }
        }
        return out;
    }

    @Test
    void theManifestSubscribesToEveryEventTheAppHandlesAndNoOther() throws Exception {
        Set<String> handled = handledEvents();
        assertThat(handled).contains("pull_request", "check_suite", "check_run", "issue_comment", "push",
                "installation", "installation_repositories");
        JsonNode manifest = new ObjectMapper().readTree(Path.of(".github/app-manifest.json").toFile());
        Set<String> subscribed = new TreeSet<>();
        manifest.path("default_events").forEach(e -> subscribed.add(e.asText()));
        Set<String> expected = new TreeSet<>(handled);
        expected.removeAll(ALWAYS_SENT);
        assertThat(subscribed).isEqualTo(expected);
        // the push event and every read of the tree need contents: read
        assertThat(manifest.at("/default_permissions/contents").asText()).isEqualTo("read");
    }

    @Test
    void theReadmesEventTableNamesEveryEventTheAppHandles() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Registering the app"),
                readme.indexOf("### Settings"));
        for (String event : handledEvents()) {
            assertThat(section).as(event).containsPattern("\\n\\| [^\\n]*`" + event + "`");
        }
    }
}
