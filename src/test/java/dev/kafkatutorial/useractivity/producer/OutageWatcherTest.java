package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
