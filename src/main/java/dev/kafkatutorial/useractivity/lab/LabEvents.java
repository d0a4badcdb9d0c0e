package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.RandomActivities;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.UserActivitySerializer;
import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The labs' events: the tutorial's random events with the producer's {@code event-id} header, so what each
 * member read can be counted by id. Sent all at once ({@link #send}) or at a steady rate on a thread of their
 * own ({@link #startSteady}) while the lab changes the group under them.
 */
final class LabEvents implements AutoCloseable {

    private final Producer<String, UserActivity> producer;
    private final String topic;
    private final EventIdHeader ids = EventIdHeader.forNewRun(UUID.randomUUID().toString().substring(0, 8), List.of());
    private final RandomActivities events = new RandomActivities(new Random(), Clock.systemUTC());
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean steady;
    private Thread sender;

    LabEvents(ClientOptions client, String topic) {
        this.producer = new KafkaProducer<>(ClientSettings.of(client,
                () -> ClientSettings.eventWriter("user-activity-lab", UserActivitySerializer.class)).config());
        this.topic = topic;
    }

    /** Sends {@code count} events and waits until the broker has them all. */
    void send(long count) throws InterruptedException {
        for (long i = 0; i < count; i++) {
            sendOne();
        }
        producer.flush();
    }

    /** Sends {@code perSecond} events a second until {@link #close()}. */
    void startSteady(int perSecond) {
        steady = true;
        long pause = TimeUnit.SECONDS.toNanos(1) / perSecond;
        sender = new Thread(() -> {
            long next = System.nanoTime();
            while (steady) {
                sendOne();
                next += pause;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }, "lab-events");
        sender.setDaemon(true);
        sender.start();
    }

    long sent() {
        return sent.get();
    }

    private void sendOne() {
        long sequence = sent.incrementAndGet();
        producer.send(new ProducerRecord<>(topic, null, null, null, events.get(), ids.headers(sequence)));
    }

    @Override
    public void close() throws InterruptedException {
        steady = false;
        if (sender != null) {
            sender.join(TimeUnit.SECONDS.toMillis(5));
        }
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
