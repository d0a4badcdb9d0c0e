package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.RandomActivities;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.UserActivitySerializer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A steady stream of the tutorial's events into a lab topic, each with its {@code event-id}, at a fixed rate;
 * it remembers which ids the broker acknowledged and counts the failed ones, by reason.
 */
final class EventStream implements AutoCloseable {

    /** Events a second: enough for a kill to land among events in flight, few enough for a small machine. */
    static final int RATE = 1000;

    private final KafkaProducer<String, UserActivity> producer;
    private final String topic;
    private final EventIdHeader ids = EventIdHeader.forNewRun(UUID.randomUUID().toString().substring(0, 8), List.of());
    private final RandomActivities events = new RandomActivities(new Random(), Clock.systemUTC());
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private long sequence;

    EventStream(String bootstrapServers, String topic, String acks) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, acks);
        // Idempotence needs acks=all (the broker dedupes a retry by producer id and sequence); with acks=1
        // the producer must do without, so a retry after a lost answer can write an event twice.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, acks.equals("all"));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // An event the cluster cannot take (no leader, too few in sync) fails after 20 s, not the default
        // 2 minutes: each row of the lab stays short, and "failed" is counted as the producer reports it. A request
        // may wait 10 s: longer than the controller takes to fence a killed follower (4 s), so an acks=all send
        // waiting for that follower is answered once the ISR shrinks, not timed out and sent again.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "lab-durability");
        producer = new KafkaProducer<>(config, new StringSerializer(), new UserActivitySerializer());
    }

    /**
     * Sends one record without an event id with acks=all and waits for it: the followers have fetched from the new
     * topic's leader at least once. The controller lists all three in the ISR from the start, but a follower
     * that has not begun fetching would make an acks=1 stream look as if it lagged on purpose.
     */
    static void awaitReplication(String bootstrapServers, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "lab-durability-first"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "replicas fetching")).get(30, TimeUnit.SECONDS);
        }
    }

    /** Sends {@code count} events at {@link #RATE}; returns once the last is handed to the producer. */
    synchronized void send(int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            LockSupport.parkNanos(start + i * 1_000_000_000L / RATE - System.nanoTime());
            String id = ids.id(sequence);
            pending.incrementAndGet();
            try {
                producer.send(new ProducerRecord<>(topic, null, null, null, events.get(), ids.headers(sequence++)),
                        (metadata, error) -> {
                            if (error == null) {
                                acked.add(id);
                            } else {
                                failures.merge(error.getClass().getSimpleName(), 1L, Long::sum);
                            }
                            pending.decrementAndGet();
                        });
            } catch (RuntimeException e) { // send() itself gave up (no metadata within max.block.ms)
                failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                pending.decrementAndGet();
            }
        }
    }

    /** As {@link #send(int)}, on a thread of its own: the caller kills a broker while the events flow. */
    CompletableFuture<Void> sendInBackground(int count) {
        return CompletableFuture.runAsync(() -> send(count));
    }

    /** Waits until every event sent is acknowledged or failed, at most {@code limit}. */
    void awaitSettled(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Events handed to the producer so far. */
    synchronized long sent() {
        return sequence;
    }

    Set<String> acked() {
        return acked;
    }

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Why events failed, as the producer reported it: exception name and count. */
    Map<String, Long> failures() {
        return new TreeMap<>(failures);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
