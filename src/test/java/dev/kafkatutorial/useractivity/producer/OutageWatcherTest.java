package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** When the broker counts as away and as back, from the producer's connection metrics (ProducerOutageIT: for real). */
class OutageWatcherTest {

    private final List<String> lines = new ArrayList<>();
    private final OutageWatcher watcher = new OutageWatcher(Map::of, () -> 0, () -> lines.add("away"),
            () -> lines.add("back"));

    @Test
    void awayAfterTwoSamplesWithoutAConnectionWhileEventsWaitAndBackOnANewConnection() {
        watcher.sample(1, 2, 3);
        watcher.sample(0, 2, 3);
        assertThat(lines).isEmpty();
        watcher.sample(0, 2, 3);
        assertThat(lines).containsExactly("away");
        watcher.sample(0, 2, 5); // refused reconnects create nothing
        watcher.sample(1, 2, 5); // a connection being attempted is not one accepted
        assertThat(lines).containsExactly("away");
        watcher.sample(1, 3, 5);
        assertThat(lines).containsExactly("away", "back");
        watcher.sample(1, 3, 0);
        assertThat(lines).containsExactly("away", "back");
    }

    @Test
    void anIdleConnectionClosedWithNoEventWaitingIsNoOutage() {
        for (int i = 0; i < 10; i++) {
            watcher.sample(0, 2, 0);
        }
        assertThat(lines).isEmpty();
    }

    @Test
    void aClientWithoutNetworkMetricsIsNeverReportedAway() throws Exception {
        OutageWatcher noMetrics = new OutageWatcher(Map::of, () -> 5, () -> lines.add("away"), () -> lines.add("back"));
        noMetrics.start();
        Thread.sleep(OutageWatcher.EVERY.toMillis() * 4);
        noMetrics.close();
        assertThat(lines).isEmpty();
    }
    @Test
    void aBrokerBackJustBeforeTheRunEndsIsStillSaidToBeBack() throws Exception {
        AtomicLong open = new AtomicLong(1);
        AtomicLong created = new AtomicLong(1);
        AtomicInteger looks = new AtomicInteger();
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        try (Metrics metrics = new Metrics()) {
            metrics.addMetric(new MetricName("connection-count", "producer-metrics", "", Map.of()),
                    (Measurable) (config, now) -> open.get());
            metrics.addMetric(new MetricName("connection-creation-total", "producer-metrics", "", Map.of()),
                    (Measurable) (config, now) -> created.get());
            OutageWatcher watching = new OutageWatcher(() -> {
                looks.incrementAndGet();
                return metrics.metrics();
            }, () -> 3, () -> said.add("away"), () -> said.add("back"));
            watching.start();
            open.set(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!said.contains("away") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(said).containsExactly("away");
            // Right after a look, so the next one is a whole interval away: the broker is back and every event
            // settles, and the run ends before the watcher looks again.
            int before = looks.get();
            while (looks.get() == before && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            open.set(1);
            created.set(2);
            watching.close();
        }
        assertThat(said).containsExactly("away", "back");
    }
}
