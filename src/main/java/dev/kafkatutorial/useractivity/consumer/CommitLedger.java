package dev.kafkatutorial.useractivity.consumer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Keeps count of what the group has committed for this consumer and what it has read past that, so a commit
 * that fails on the way out can say how many records the next run of the group reads again.
 *
 * <p>A committed offset is the position of the next record to read: the group's next member starts there. Auto
 * commit runs inside {@code poll()} and {@code close()} and tells nobody whether it worked, so the ledger is
 * also a {@link ConsumerInterceptor}: Kafka calls {@link #onCommit} after every commit the broker accepted,
 * automatic or not. {@link #install} hands this one instance to the client through its configuration.
 */
public final class CommitLedger implements ConsumerInterceptor<Object, Object> {

    private static final String INSTANCE = "user-activity.commit-ledger"; // not a Kafka setting: our own key

    private final Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>(); // after the last record handled
    private final Map<TopicPartition, Long> first = new ConcurrentHashMap<>(); // first record handled in this run
    private volatile CommitLedger delegate = this; // the instance Kafka builds reports to the installed one
    private volatile java.util.function.BiConsumer<TopicPartition, Long> onEachCommit = (partition, offset) -> { };

    /** Also tells {@code listener} of every commit the broker accepted (consumer --explain). */
    public void onEachCommit(java.util.function.BiConsumer<TopicPartition, Long> listener) {
        onEachCommit = listener;
    }

    /** Adds this ledger to a consumer's configuration, beside any interceptor the user configured. */
    public void install(Map<String, Object> config) {
        Object user = config.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
        String ours = CommitLedger.class.getName();
        config.put(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG,
                user == null || user.toString().isBlank() ? ours : user + "," + ours);
        config.put(INSTANCE, this);
    }

    /** A record was printed or skipped: the position to commit for its partition is now past it. */
    public void handled(TopicPartition partition, long offset) {
        first.putIfAbsent(partition, offset);
        next.put(partition, offset + 1);
    }

    /** The consumer moved back (a batch that was not written): the position to commit is {@code offset}. */
    public void rewound(TopicPartition partition, long offset) {
        next.computeIfPresent(partition, (p, position) -> Math.min(position, offset));
    }

    /** A {@code commitSync()} of every position returned: all that was handled is committed. */
    public void committedAll() {
        committed.putAll(next);
    }

    /** Records handled past the last commit: what the group's next run reads again if nothing more is committed. */
    public long uncommitted() {
        long count = 0;
        for (Map.Entry<TopicPartition, Long> entry : next.entrySet()) {
            long from = committed.getOrDefault(entry.getKey(), first.get(entry.getKey()));
            count += Math.max(0, entry.getValue() - from);
        }
        return count;
    }

    // ---- ConsumerInterceptor: the instance Kafka builds from the class name -------------------------------------

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(INSTANCE) instanceof CommitLedger installed) {
            delegate = installed;
        }
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            delegate.committed.put(partition, offset.offset());
            delegate.onEachCommit.accept(partition, offset.offset());
        });
    }

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        return records;
    }

    @Override
    public void close() {
    }
}
