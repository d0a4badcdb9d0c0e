package dev.kafkatutorial.useractivity.producer;

import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;

/**
 * Closes a producer that sent nothing, waiting at most a moment for it.
 *
 * <p>With nothing in flight there is nothing to wait for, yet Kafka's {@code close()} joins its I/O thread
 * without a bound, and an idempotent producer's I/O thread can sit up to {@code request.timeout.ms} (30 s)
 * waiting for a connection whose other end never answers in Kafka's protocol: a web server on the port. So
 * the close runs on a daemon thread of its own (the I/O thread is a daemon too), and the program goes on to
 * its last line and exit.
 */
public final class UnusedClose {

    private UnusedClose() {
    }

    public static void close(Producer<?, ?> producer, Duration atMost) {
        Thread closer = new Thread(() -> producer.close(Duration.ZERO), "close-unused-producer");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(atMost.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
