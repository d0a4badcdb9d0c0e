package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The producer's {@code event-id} headers, as a test reads them back: from a topic, or from --output json. */
final class EventIds {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventIds() {
    }

    /** Every id in the consumer's --output json lines, in the order printed, repeats included. */
    static List<String> inJsonLines(String out) {
        List<String> ids = new ArrayList<>();
        for (String line : out.lines().toList()) {
            try {
                JsonNode id = MAPPER.readTree(line).get("event_id");
                if (id != null && !id.isNull()) {
                    ids.add(id.asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return ids;
    }

    /** The offset of each of the consumer's --output json lines, in the order printed. */
    static List<Long> offsetsInJsonLines(String out) {
        return out.lines().map(line -> {
            try {
                return MAPPER.readTree(line).get("offset").asLong();
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }

    /**
     * Every id the consumer program prints reading the topic in group {@code topic} on the broker at
     * {@code bootstrapServers}: all {@code events}, then an idle 30 s that only matters if one is missing.
     */
    static List<String> readByTheConsumer(String bootstrapServers, String topic, int events, Duration limit)
            throws InterruptedException {
        ProgramRun consumer = ProgramRun.consumer("--bootstrap-server", bootstrapServers, "--topic", topic,
                "--group", topic, "--output", "json", "--max-messages", String.valueOf(events), "--timeout-ms", "30000");
        assertThat(consumer.awaitExit(limit)).as(consumer.err()).isZero();
        return inJsonLines(consumer.out());
    }

    /**
     * Every id in the topic, read with a plain consumer that joins no group: all partitions from the start up
     * to their end offsets at the time of the call, within {@code limit}.
     */
    static List<String> inTopic(String bootstrapServers, String topic, Duration limit) {
        return inTopic(bootstrapServers, topic, "read_uncommitted", limit);
    }

    /**
     * The same as a {@code read_committed} or {@code read_uncommitted} reader sees it: with read_committed the end
     * is the last stable offset, where an open transaction begins, and aborted events are left out.
     */
    static List<String> inTopic(String bootstrapServers, String topic, String isolationLevel, Duration limit) {
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
                    Header id = record.headers().lastHeader(EventIdHeader.NAME);
                    if (id != null) {
                        ids.add(new String(id.value(), StandardCharsets.UTF_8));
                    }
                }
            }
            return ids;
        }
    }
}
