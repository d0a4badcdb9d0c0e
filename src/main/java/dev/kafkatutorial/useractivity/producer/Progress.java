package dev.kafkatutorial.useractivity.producer;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * {@code --quiet}: a line on stderr each second with the events sent and acknowledged so far, the rate, and the
 * latency of the events acknowledged in that second.
 */
public final class Progress implements AutoCloseable {

    private final Thread thread;

    public Progress(LongSupplier sent, LongSupplier acknowledged, SendStatistics statistics, ProducerLines lines,
                    PrintStream err) {
        thread = new Thread(() -> {
            long lastAcknowledged = 0;
            long last = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(1000);
                    long now = System.nanoTime();
                    long acked = acknowledged.getAsLong();
                    String line = lines.producerProgress(sent.getAsLong(), acked,
                            Math.round((acked - lastAcknowledged) * 1e9 / (now - last)));
                    SendStatistics.Figures second = statistics.window();
                    err.println(second.count() == 0 ? line : line + ", " + lines.latency(second.averageMs(),
                            second.p50Ms(), second.p95Ms(), second.p99Ms(), second.maxMs()));
                    lastAcknowledged = acked;
                    last = now;
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the lines; the last one comes before the summary. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
