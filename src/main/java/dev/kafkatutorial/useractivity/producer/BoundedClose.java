package dev.kafkatutorial.useractivity.producer;

import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;

/**
 * Closes the producer with a grace period for the events in flight, and never waits much longer than that.
 *
 * <p>{@code close(grace)} waits up to the grace for in-flight events, then fails the rest in their callbacks,
 * and then joins Kafka's I/O thread without a bound. That thread can sit up to {@code request.timeout.ms} (30 s)
 * waiting for a connection whose other end never answers in Kafka's protocol (a web server on the port, a
 * broker behind a network that drops packets). The summary must not wait for that: the close runs on a daemon
 * thread of its own (the I/O thread is a daemon too), and the program goes on after the grace and a moment more.
 */
public final class BoundedClose {

    /** Beyond the grace, how long the close may take to fail what is left in their callbacks. */
    static final Duration MOMENT = Duration.ofSeconds(1);

    private BoundedClose() {
    }

    public static void close(Producer<?, ?> producer, Duration grace) {
        Thread closer = new Thread(() -> producer.close(grace), "close-producer");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(grace.plus(MOMENT).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
