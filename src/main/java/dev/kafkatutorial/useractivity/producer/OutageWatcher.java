package dev.kafkatutorial.useractivity.producer;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Says in one line when the broker goes away under a running producer, and in one more when it is back.
 *
 * <p>While the broker is away the Kafka producer keeps each event in its buffer and retries it, silently, for
 * {@code delivery.timeout.ms}; nothing would tell the user why the success lines stopped. The producer's own
 * metrics show it: {@code connection-count} (open connections) falls to 0 while events wait, and
 * {@code connection-creation-total} (connections the broker accepted) grows again once it is back. A connection
 * closed because it sat idle is no outage: then no event waits.
 */
public final class OutageWatcher implements AutoCloseable {

    static final Duration EVERY = Duration.ofMillis(250);
    /** Samples in a row without a connection while events wait, before the broker counts as away. */
    static final int SAMPLES_AWAY = 2;

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final LongSupplier eventsWaiting;
    private final Runnable onAway;
    private final Runnable onBack;
    private Thread thread;

    private boolean away;
    private int samplesWithoutConnection;
    private double connectionsCreated;

    public OutageWatcher(Supplier<Map<MetricName, ? extends Metric>> metrics, LongSupplier eventsWaiting,
                         Runnable onAway, Runnable onBack) {
        this.metrics = metrics;
        this.eventsWaiting = eventsWaiting;
        this.onAway = onAway;
        this.onBack = onBack;
    }

    /** Starts watching on a daemon thread of its own. */
    public OutageWatcher start() {
        thread = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    look();
                    Thread.sleep(EVERY.toMillis());
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "outage-watcher");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private synchronized void look() {
        Map<MetricName, ? extends Metric> now = metrics.get();
        double open = sum(now, "connection-count");
        if (!Double.isNaN(open)) { // NaN: a client without network metrics (Kafka's MockProducer)
            sample(open, sum(now, "connection-creation-total"), eventsWaiting.getAsLong());
        }
    }

    /** One look at the metrics; calls onAway or onBack when the broker's state changes. */
    void sample(double openConnections, double connectionsCreatedTotal, long waiting) {
        if (!away) {
            samplesWithoutConnection = openConnections == 0 && waiting > 0 ? samplesWithoutConnection + 1 : 0;
            if (samplesWithoutConnection >= SAMPLES_AWAY) {
                away = true;
                connectionsCreated = connectionsCreatedTotal;
                onAway.run();
            }
        } else if (connectionsCreatedTotal > connectionsCreated) { // the broker accepted a connection again
            away = false;
            samplesWithoutConnection = 0;
            onBack.run();
        }
    }

    /** The client-wide metric of that name, or NaN if the client has none. */
    private static double sum(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(m -> m.getKey().name().equals(name) && m.getKey().group().equals("producer-metrics"))
                .mapToDouble(m -> m.getValue().metricValue() instanceof Double d ? d : 0)
                .reduce(Double::sum).orElse(Double.NaN);
    }

    /**
     * Stops watching; its last line, if any, is printed when this returns. One last look first: a broker that
     * comes back while every event is waiting for it settles them all at once, and the run may end before the
     * next sample would have said that it is back.
     */
    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (away) {
                look();
            }
        }
    }
}
