package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SendStatisticsTest {

    /** A send that happened {@code millis} ago, as the callback would see it. */
    private static long sentAgo(long millis) {
        return System.nanoTime() - millis * 1_000_000;
    }

    @Test
    void percentilesComeFromTheRecordedLatencies() {
        SendStatistics statistics = new SendStatistics();
        statistics.sending();
        for (int ms = 1; ms <= 100; ms++) {
            statistics.acknowledged(sentAgo(ms * 10L)); // 10, 20, ..., 1000 ms
        }
        SendStatistics.Figures all = statistics.total();
        assertThat(all.count()).isEqualTo(100);
        // Each value is a little above its nominal (the nanoTime between sentAgo and the callback), 3 digits kept.
        assertThat(all.p50Ms()).isCloseTo(500, within(25.0));
        assertThat(all.p95Ms()).isCloseTo(950, within(25.0));
        assertThat(all.p99Ms()).isCloseTo(990, within(25.0));
        assertThat(all.maxMs()).isCloseTo(1000, within(25.0));
        assertThat(all.averageMs()).isCloseTo(505, within(25.0));
    }

    @Test
    void aWindowHoldsOnlyWhatCameSinceTheLastOneAndTheTotalHoldsAll() {
        SendStatistics statistics = new SendStatistics();
        statistics.acknowledged(sentAgo(5));
        statistics.acknowledged(sentAgo(5));
        assertThat(statistics.window().count()).isEqualTo(2);
        statistics.acknowledged(sentAgo(5));
        assertThat(statistics.window().count()).isEqualTo(1);
        assertThat(statistics.window().count()).isZero();
        assertThat(statistics.total().count()).isEqualTo(3);
    }

    @Test
    void beforeAnythingIsAcknowledgedEveryFigureIsZero() {
        SendStatistics statistics = new SendStatistics();
        assertThat(statistics.total()).isEqualTo(new SendStatistics.Figures(0, 0, 0, 0, 0, 0));
        assertThat(statistics.throughput()).isZero();
    }
}
