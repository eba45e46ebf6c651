package dev.mlreadiness.github.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentDeliveriesTest {

    @Test
    void aDeliveryIsClaimedOnceWhileInProgressAndAfterItWasDone() {
        RecentDeliveries deliveries = new RecentDeliveries();
        assertThat(deliveries.claim("a")).isTrue();
        assertThat(deliveries.claim("a")).isFalse(); // in progress
        deliveries.done("a");
        assertThat(deliveries.claim("a")).isFalse(); // processed
        assertThat(deliveries.claim("b")).isTrue(); // another delivery
    }

    @Test
    void aFailedDeliveryCanBeProcessedAgain() {
        RecentDeliveries deliveries = new RecentDeliveries();
        assertThat(deliveries.claim("a")).isTrue();
        deliveries.release("a");
        assertThat(deliveries.claim("a")).isTrue();
    }

    @Test
    void theOldestAreForgottenBeyondTheCapacity() {
        RecentDeliveries deliveries = new RecentDeliveries();
        for (int i = 0; i <= RecentDeliveries.CAPACITY; i++) {
            assertThat(deliveries.claim("d" + i)).isTrue();
            deliveries.done("d" + i);
        }
        assertThat(deliveries.claim("d0")).isTrue(); // forgotten: memory stays bounded
        assertThat(deliveries.claim("d" + RecentDeliveries.CAPACITY)).isFalse();
    }
}
