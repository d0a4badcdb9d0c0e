package dev.kafkatutorial.useractivity.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A member of a consumer group on a thread of its own, polling until closed and committing only what the test
 * asks ({@code enable.auto.commit=false}), so the group's committed offsets stay where the test put them.
 */
final class GroupMember implements AutoCloseable {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CompletableFuture<Void> done;
    private final Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    private final CompletableFuture<Void> committed = new CompletableFuture<>();

    /** {@code protocol}: classic or consumer (KIP-848). {@code commit}: offsets to commit once assigned, or empty. */
    GroupMember(String bootstrapServers, String group, String topic, String protocol, String clientId,
                Map<TopicPartition, Long> commit) {
        commit.forEach((p, offset) -> toCommit.put(p, new OffsetAndMetadata(offset)));
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        done = CompletableFuture.runAsync(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(100));
                    if (!committed.isDone() && !consumer.assignment().isEmpty()) {
                        consumer.commitSync(toCommit);
                        committed.complete(null);
                    }
                }
            }
        }, runnable -> new Thread(runnable, "group-member-" + clientId).start());
    }

    /** Waits until the member has been assigned partitions and made its commit. */
    GroupMember awaitCommitted() throws Exception {
        CompletableFuture.anyOf(committed, done).get(60, TimeUnit.SECONDS);
        if (!committed.isDone()) {
            done.get(); // it ended: throws its failure
        }
        return this;
    }

    @Override
    public void close() throws Exception {
        running.set(false);
        done.get(60, TimeUnit.SECONDS);
    }
}
