package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.publish.Markers;

/** Ignore decisions: their hidden marker, read back, and folded in order. */
class IgnoredRulesTest {

    static IgnoreDecision ignore(String rule, String by, String reason) {
        return new IgnoreDecision(rule, true, by, reason, "2026-03-04T05:06:07Z");
    }

    static IgnoreDecision unignore(String rule, String by) {
        return new IgnoreDecision(rule, false, by, "", "2026-03-05T00:00:00Z");
    }

    @Test
    void markerIsExactAndReadsBack() {
        IgnoreDecision d = ignore("docs/readme", "octocat", "vendored code");
        String marker = Markers.ignoreDecision(d);
        assertThat(marker).isEqualTo("<!-- ml-readiness:ignore {\"rule\":\"docs/readme\",\"by\":\"octocat\","
                + "\"reason\":\"vendored code\",\"at\":\"2026-03-04T05:06:07Z\"} -->");
        assertThat(Markers.ignoreDecisionsOf("text before\n" + marker + "\nafter")).containsExactly(d);
        assertThat(Markers.ignoreDecision(unignore("docs/readme", "octocat")))
                .isEqualTo("<!-- ml-readiness:unignore {\"rule\":\"docs/readme\",\"by\":\"octocat\","
                        + "\"at\":\"2026-03-05T00:00:00Z\"} -->");
    }

    @Test
    void reasonCannotCloseTheHtmlComment() {
        IgnoreDecision d = ignore("docs/readme", "octocat", "a --> b <!-- c \"quoted\"");
        String marker = Markers.ignoreDecision(d);
        assertThat(marker.indexOf("-->")).isEqualTo(marker.length() - 3);
        assertThat(marker).contains("\\u003e").doesNotContain("<!-- c");
        assertThat(Markers.ignoreDecisionsOf(marker)).containsExactly(d);
    }

    @Test
    void damagedOrForeignMarkersRecordNothing() {
        assertThat(Markers.ignoreDecisionsOf(null)).isEmpty();
        assertThat(Markers.ignoreDecisionsOf("<!-- ml-readiness:ignore {\"rule\":\"docs/readme\"} -->")).isEmpty();
        assertThat(Markers.ignoreDecisionsOf("<!-- ml-readiness:ignore {not json} -->")).isEmpty();
        assertThat(Markers.ignoreDecisionsOf("<!-- ml-readiness:ignored {\"rule\":\"a/b\",\"by\":\"x\"} -->"))
                .isEmpty();
        assertThat(Markers.ignoreDecisionsOf("ml-readiness:ignore {\"rule\":\"a/b\",\"by\":\"x\"}")).isEmpty();
    }

    @Test
    void lastWordOnARuleWins() {
        IgnoredRules r = IgnoredRules.fold(List.of(ignore("docs/readme", "a", "one"), ignore("docs/usage", "b", ""),
                unignore("docs/readme", "c"), ignore("docs/usage", "d", "again")));
        assertThat(r.ids()).containsExactly("docs/usage");
        assertThat(r.active().get("docs/usage").by()).isEqualTo("d");
        assertThat(r.isIgnored("docs/readme")).isFalse();

        IgnoredRules back = IgnoredRules.fold(List.of(ignore("docs/readme", "a", "one"), unignore("docs/readme", "c"),
                ignore("docs/readme", "e", "two")));
        assertThat(back.ids()).containsExactly("docs/readme");
        assertThat(back.active().get("docs/readme").reason()).isEqualTo("two");
        assertThat(IgnoredRules.fold(List.of(unignore("docs/readme", "c"))).ids()).isEmpty();
    }

    @Test
    void notesSayWhoWhenAndWhyEscaped() {
        IgnoredRules r = IgnoredRules.fold(List.of(ignore("docs/readme", "octocat", "see [docs](http://x) @team"),
                ignore("docs/usage", "hubot", "")));
        assertThat(r.notes()).containsEntry("docs/readme",
                "by **octocat** on 2026-03-04: see \\[docs\\]\\(http:&#8203;//x\\) @&#8203;team")
                .containsEntry("docs/usage", "by **hubot** on 2026-03-04 (no reason given)");
    }
}
