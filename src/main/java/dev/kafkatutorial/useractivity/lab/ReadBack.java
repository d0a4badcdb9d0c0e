package dev.kafkatutorial.useractivity.lab;

import dev.kafkatutorial.useractivity.AuditTally;
import dev.kafkatutorial.useractivity.EventIdHeader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a lab topic from its first offset to its end, as a consumer would once the brokers are back, and counts
 * each event id read in an {@link AuditTally}, the tally {@code consumer --audit} keeps.
 */
final class ReadBack {

    private ReadBack() {
    }

    static AuditTally read(String bootstrapServers, String topic, Duration limit, LabLines lines,
                           Consumer<String> progress) throws LabException {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "lab-durability-read");
        TopicPartition partition = new TopicPartition(topic, 0);
        AuditTally tally = new AuditTally();
        // No group: assign() reads the partition itself, from the start, without committing anything.
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // The end a consumer can read to: the high watermark, the last offset every in-sync replica has.
            long end = consumer.endOffsets(List.of(partition), limit).get(partition);
            long deadline = System.nanoTime() + limit.toNanos();
            while (consumer.position(partition, limit) < end) {
                if (System.nanoTime() > deadline) {
                    throw new LabException(lines.notReadBack(topic, end, limit));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header id = record.headers().lastHeader(EventIdHeader.NAME);
                    tally.read(id == null ? null : new String(id.value(), StandardCharsets.UTF_8), record.partition());
                }
            }
            progress.accept(lines.readBack(end, tally.distinct()));
        }
        return tally;
    }
}
