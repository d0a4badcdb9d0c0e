package dev.kafkatutorial.useractivity.producer;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Send-to-acknowledgement latency, as {@code kafka-producer-perf-test} reports it: the time from {@code send()}
 * to the callback that says every in-sync replica has the event ({@code acks=all}). That time includes the
 * wait in the producer's batch ({@code linger.ms}), the request and the broker's replication.
 *
 * <p>The callbacks record into an HdrHistogram {@link Recorder} (wait-free, no allocation per value); the
 * progress thread and the summary take what was recorded since they last looked, so nothing is counted twice
 * and the sending side never waits for a reader.
 */
public final class SendStatistics {

    /**
     * Latencies are kept in microseconds, up to an hour (longer ones count as an hour), to 2 significant digits
     * (within 1%): 3 digits would give the histograms 8 times the buckets, and reading their percentiles at the end
     * of a short run, still interpreted, would slow its start-up and exit (docs/benchmarks.md).
     */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final int DIGITS = 2;

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, DIGITS);
    private final Histogram total = new Histogram(HIGHEST_MICROS, DIGITS);
    private Histogram window; // recycled by the recorder, guarded by this
    private volatile long startedAt; // System.nanoTime() of the first send; 0 before it

    /** The figures of one window or of the whole run, in milliseconds. */
    public record Figures(long count, double averageMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
    }

    /** Call with System.nanoTime() just before each send(); the first call starts the throughput clock. */
    public long sending() {
        long now = System.nanoTime();
        if (startedAt == 0) {
            startedAt = now;
        }
        return now;
    }

    /** From the callback of an acknowledged event, with what {@link #sending()} returned for it. */
    public void acknowledged(long sentAt) {
        long micros = (System.nanoTime() - sentAt) / 1000;
        recorder.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    /** What was acknowledged since the last call to this or {@link #total()}; also kept for the total. */
    public synchronized Figures window() {
        window = recorder.getIntervalHistogram(window);
        total.add(window);
        return figures(window);
    }

    /** The whole run so far. */
    public synchronized Figures total() {
        window();
        return figures(total);
    }

    /** Acknowledged events per second since the first send, or 0 before it. */
    public double throughput() {
        long elapsed = System.nanoTime() - startedAt;
        return startedAt == 0 || elapsed <= 0 ? 0 : total().count() * 1e9 / elapsed;
    }

    private static Figures figures(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Figures(0, 0, 0, 0, 0, 0);
        }
        return new Figures(h.getTotalCount(), h.getMean() / 1000, h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /** The summary: the counts, then throughput and latency as kafka-producer-perf-test reports them, once known. */
    public String summary(ProducerLines lines, long sent, long acknowledged) {
        String counts = lines.producerSummary(sent, acknowledged, sent - acknowledged);
        Figures all = total();
        return all.count() == 0 ? counts : counts + ", " + lines.throughput(throughput()) + ", "
                + lines.latency(all.averageMs(), all.p50Ms(), all.p95Ms(), all.p99Ms(), all.maxMs());
    }
}
