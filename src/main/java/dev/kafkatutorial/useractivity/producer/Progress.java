package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.Messages;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/** {@code --quiet}: a line on stderr each second with the events sent and acknowledged so far, and the rate. */
public final class Progress implements AutoCloseable {

    private final Thread thread;

    public Progress(LongSupplier sent, LongSupplier acknowledged, Messages messages, PrintStream err) {
        thread = new Thread(() -> {
            long lastAcknowledged = 0;
            long last = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(1000);
                    long now = System.nanoTime();
                    long acked = acknowledged.getAsLong();
                    err.println(messages.producerProgress(sent.getAsLong(), acked,
                            Math.round((acked - lastAcknowledged) * 1e9 / (now - last))));
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
