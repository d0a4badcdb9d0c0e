package dev.kafkatutorial.useractivity.processor;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Says in one line when the broker goes away under the processor, and in one more when it is back.
 *
 * <p>Two things tell. Between transactions the processor only polls, and a polling consumer always has a
 * connection open to its broker (a fetch waits there, the heartbeats go there): its {@code connection-count}
 * metric at 0 in two looks in a row means the broker is away, and {@code connection-creation-total} growing
 * again (a connection the broker accepted) that it is back. Inside a transaction the processor does not poll:
 * there a commit or an abort that times out says the broker is away, and one that is answered that it is back.
 */
public final class BrokerWatch {

    /** Looks in a row without a connection before the broker counts as away: one can fall between two reconnects. */
    static final int LOOKS_AWAY = 2;
    private static final long EVERY_NANOS = 500_000_000L;

    private final Runnable onAway;
    private final Runnable onBack;
    private boolean away;
    private int looksWithoutConnection;
    private double connectionsWhenAway;
    private long outages;
    private long lastLook;

    public BrokerWatch(Runnable onAway, Runnable onBack) {
        this.onAway = onAway;
        this.onBack = onBack;
    }

    /** After a poll: a look at the consumer's connections, at most every half second. */
    public void look(Map<MetricName, ? extends Metric> consumerMetrics) {
        long now = System.nanoTime();
        if (now - lastLook < EVERY_NANOS) {
            return;
        }
        lastLook = now;
        double open = sum(consumerMetrics, "connection-count");
        if (!Double.isNaN(open)) { // NaN: a client without network metrics (Kafka's MockConsumer)
            sample(open, sum(consumerMetrics, "connection-creation-total"));
        }
    }

    /** One look at the metrics; says when the broker's state changes. */
    void sample(double openConnections, double connectionsCreatedTotal) {
        if (!away) {
            looksWithoutConnection = openConnections == 0 ? looksWithoutConnection + 1 : 0;
            if (looksWithoutConnection >= LOOKS_AWAY) {
                goneAway(connectionsCreatedTotal);
            }
        } else if (connectionsCreatedTotal > connectionsWhenAway) {
            answered();
        }
    }

    /** A commit or an abort waited max.block.ms for an answer in vain. */
    public void noAnswer() {
        if (!away) {
            goneAway(Double.POSITIVE_INFINITY); // back when a call is answered, not by a look
        }
    }

    /** A commit or an abort was answered: the broker is there. */
    public void answered() {
        if (away) {
            away = false;
            looksWithoutConnection = 0;
            onBack.run();
        }
    }

    /** How many times the broker has gone away in this run. */
    public long outages() {
        return outages;
    }

    private void goneAway(double connectionsCreatedTotal) {
        away = true;
        outages++;
        connectionsWhenAway = connectionsCreatedTotal;
        onAway.run();
    }

    /** The consumer-wide metric of that name, or NaN if the client has none. */
    private static double sum(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(m -> m.getKey().name().equals(name) && m.getKey().group().equals("consumer-metrics"))
                .mapToDouble(m -> m.getValue().metricValue() instanceof Double d ? d : 0)
                .reduce(Double::sum).orElse(Double.NaN);
    }
}
