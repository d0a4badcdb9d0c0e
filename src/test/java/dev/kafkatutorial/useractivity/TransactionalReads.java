package dev.kafkatutorial.useractivity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The exactly-once tests' counting: a topic's {@code event-id}s as a {@code read_committed} or a
 * {@code read_uncommitted} reader sees them, and the events a processor or producer says it has committed.
 */
final class TransactionalReads {

    private static final Pattern COMMITTED = Pattern.compile("^트랜잭션 커밋 - 이벤트 (\\d+)개", Pattern.MULTILINE);

    private TransactionalReads() {
    }

    /**
     * Every id in the topic, repeats included, read without a group from the start of each partition to its end
     * at the time of the call (for read_committed: up to the last stable offset, where an open transaction begins).
     */
    static List<String> eventIds(String bootstrapServers, String topic, String isolationLevel, Duration limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, limit).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, limit);
            List<String> ids = new ArrayList<>();
            long deadline = System.nanoTime() + limit.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, limit) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + limit);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader(UserActivityProducer.EVENT_ID_HEADER);
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return ids;
        }
    }

    /**
     * Waits until a read_committed reader of {@code topic} sees {@code count} distinct ids, or {@code limit} has
     * passed: returns either way, so that the test's assertions, not a timeout, say what is missing.
     */
    static void awaitCommitted(String bootstrapServers, String topic, int count, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline
                && new HashSet<>(eventIds(bootstrapServers, topic, "read_committed", limit)).size() < count) {
            Thread.sleep(500);
        }
    }

    /** The ids that occur more than once, each once. */
    static Set<String> repeated(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new TreeSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        return repeated;
    }

    /** The events in the {@code 트랜잭션 커밋 - 이벤트 N개} lines of a producer's or processor's output. */
    static long committedEvents(String out) {
        long events = 0;
        Matcher m = COMMITTED.matcher(out);
        while (m.find()) {
            events += Long.parseLong(m.group(1));
        }
        return events;
    }
}
