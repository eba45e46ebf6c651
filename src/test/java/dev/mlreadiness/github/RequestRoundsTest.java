package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mlreadiness.github.RequestRounds.Timed;

/** The round counter on hand-made journals: arrival and answer times in arbitrary units. */
class RequestRoundsTest {

    private static Timed at(String line, long arrived, long answered) {
        return new Timed(line, arrived, answered);
    }

    @Test
    void nothingIsNoRound() {
        assertThat(RequestRounds.rounds(List.of())).isZero();
    }

    @Test
    void requestsSentSideBySideAreOneRoundWhateverTheirOrderOfAnswers() {
        List<Timed> j = List.of(at("a", 0, 300), at("b", 2, 305), at("c", 5, 301));
        assertThat(RequestRounds.rounds(j)).isEqualTo(1);
        assertThat(RequestRounds.describe(j)).containsExactly("round 1: a, b, c");
    }

    @Test
    void aRequestSentAfterAnAnswerCountsOneMore() {
        List<Timed> j = List.of(at("a", 0, 300), at("b", 1, 300), at("c", 310, 610), at("d", 620, 920));
        assertThat(RequestRounds.rounds(j)).isEqualTo(3);
        assertThat(RequestRounds.roundOf(j)).containsExactly(1, 1, 2, 3);
        assertThat(RequestRounds.describe(j)).containsExactly("round 1: a, b", "round 2: c", "round 3: d");
    }

    /** The longest chain counts, not the number of distinct start times. */
    @Test
    void theLongestChainCountsAndALateSiblingOfAnEarlyRoundDoesNotAddToIt() {
        List<Timed> j = List.of(
                at("files", 0, 300), at("config", 1, 300),
                at("run", 305, 605), // after round 1
                at("contents", 306, 1000), // a slow answer: what waits for it is later
                at("review", 610, 1010), // waits for run only; answered after "complete" was sent
                at("complete", 1005, 1300)); // waits for contents
        assertThat(RequestRounds.roundOf(j)).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(RequestRounds.rounds(j)).isEqualTo(3);
    }

    /** A request that overlaps a chain's request, starting before its answer, is not after it. */
    @Test
    void overlappingIsNotWaiting() {
        List<Timed> j = List.of(at("a", 0, 300), at("b", 299, 600), at("c", 301, 601));
        assertThat(RequestRounds.roundOf(j)).containsExactly(1, 1, 2);
    }

    @Test
    void theOrderOfTheJournalDoesNotMatter() {
        List<Timed> j = List.of(at("d", 620, 920), at("c", 310, 610), at("a", 0, 300));
        assertThat(RequestRounds.roundOf(j)).containsExactly(3, 2, 1);
    }
}
