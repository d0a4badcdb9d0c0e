package dev.kafkatutorial.useractivity.processor;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The input positions the group still has to commit where no output goes with them. Two things move the
 * consumer's position on without a record to process: a record that is no event, skipped; and, under
 * read_committed, the commit marker (or aborted records) that ends a partition. Where nothing follows them, no
 * transaction would ever commit past them: the group's lag would stay above 0, and a restart would report the
 * skipped record again. So they go with the next transaction, or, where no record comes, in one of their own.
 *
 * <p>Also the processor's rebalance listener: what it knew of a partition it gives up no longer counts.
 */
public final class InputPositions implements ConsumerRebalanceListener {

    private static final Duration POSITION_WAIT = Duration.ofSeconds(1);

    private final ConsumerRebalanceListener reporter;
    /** The position the last transaction committed, per partition this processor has committed in since it got it. */
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    /** The position after a record skipped, not committed yet. */
    private final Map<TopicPartition, OffsetAndMetadata> skipped = new HashMap<>();

    /** {@code reporter}: the listener that prints the assignment lines, called first. */
    public InputPositions(ConsumerRebalanceListener reporter) {
        this.reporter = reporter;
    }

    /** A record at {@code offset} was skipped (the consumer has moved past it). */
    public void skipped(TopicPartition partition, long offset) {
        skipped.put(partition, new OffsetAndMetadata(offset + 1)); // no leader epoch: the skipped record's is unknown
    }

    /** What a transaction with this batch's output commits: its positions, and those past records skipped before. */
    public Map<TopicPartition, OffsetAndMetadata> with(PollBatch batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(skipped);
        offsets.putAll(batch.positions());
        return offsets;
    }

    /** After a poll without records: the positions that moved on since the last commit, none most of the time. */
    public Map<TopicPartition, OffsetAndMetadata> movedOn(Consumer<?, ?> consumer) {
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>(skipped);
        committed.forEach((partition, last) -> {
            try {
                long position = consumer.position(partition, POSITION_WAIT);
                if (position > last.offset() && !moved.containsKey(partition)) {
                    // Past a marker only: the record before it is the last one read, of that leader epoch.
                    moved.put(partition, new OffsetAndMetadata(position, last.leaderEpoch(), ""));
                }
            } catch (TimeoutException e) {
                // no position known now (one is being looked up): look again after the next poll
            }
        });
        return moved;
    }

    /** A transaction committed {@code offsets}. */
    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        committed.putAll(offsets);
        skipped.keySet().removeAll(offsets.keySet());
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        reporter.onPartitionsAssigned(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        reporter.onPartitionsRevoked(partitions);
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        reporter.onPartitionsLost(partitions);
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        committed.keySet().removeAll(partitions);
        skipped.keySet().removeAll(partitions);
    }
}
