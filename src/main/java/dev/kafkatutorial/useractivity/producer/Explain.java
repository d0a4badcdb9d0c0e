package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;

/** The producer's {@code --explain}: what acks=all means on this topic, and why each event went to its partition. */
public final class Explain {

    private static final Duration WAIT = ClientSettings.BROKER_WAIT;

    private final ProducerLines lines;
    private final IntSupplier partitionCount;
    private volatile int partitions; // as the sending thread last read them; a callback reads this

    /** {@code partitionCount}: the topic's partitions as the producer knows them (its metadata). */
    public Explain(ProducerLines lines, IntSupplier partitionCount) {
        this.lines = lines;
        this.partitionCount = partitionCount;
    }

    /**
     * On the sending thread, before each send: the partition count the partitioner is about to use. Read here and
     * not in the callback: {@code partitionsFor()} may wait for metadata, and the callback runs on the producer's
     * I/O thread, the one thread that fetches it. A count that cannot be read now keeps the last one.
     */
    public void beforeSend() {
        try {
            partitions = partitionCount.getAsInt();
        } catch (KafkaException e) {
            // the broker is away: the metadata of the last send is still what the partitioner uses
        }
    }

    /**
     * The acks=all line, from the topic's real replication factor and min.insync.replicas. With acks=all the
     * leader answers once every in-sync replica has the event, and refuses to when fewer than
     * min.insync.replicas are in sync: so min.insync.replicas copies is what an acknowledgement promises. Kafka
     * caps min.insync.replicas at the replica count (Partition.effectiveMinIsr), so a value above it asks for
     * every replica, no more: on one replica the leader alone takes acks=all writes.
     */
    public String acks(Map<String, Object> adminConfig, String topic) {
        try (Admin admin = Admin.create(adminConfig)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            int replicas = description.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config topicConfig = admin.describeConfigs(List.of(resource)).all()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            ConfigEntry minInsync = topicConfig.get("min.insync.replicas");
            return lines.explainAcks(replicas, minInsync == null ? 1 : Integer.parseInt(minInsync.value()));
        } catch (Exception e) {
            return lines.explainAcksUnknown(Cli.oneLine(e));
        }
    }

    /**
     * Why this partition. With a key, the built-in partitioner hashes the key's bytes with murmur2 and takes
     * it modulo the partition count: the same key always lands in the same partition (while the count stays).
     * Computed here with Kafka's own functions and checked against the partition the broker reported.
     * Without a key, the partitioner sticks to one partition until a batch is full (or sent), then moves on.
     */
    public String partition(String key, RecordMetadata metadata) {
        if (key == null) {
            return lines.explainSticky(metadata.partition());
        }
        int partitions = Math.max(1, this.partitions);
        int computed = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
        return lines.explainKey(key, partitions, computed, metadata.partition());
    }
}
