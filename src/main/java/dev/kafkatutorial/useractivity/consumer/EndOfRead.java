package dev.kafkatutorial.useractivity.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code --to-end} (kcat's {@code -e}): where a read stops. The end offsets are taken when the partitions are
 * assigned; the read is done once every assigned partition's position has reached its end.
 *
 * <p>The end offset is the next offset to be written (with {@code read_committed}, the last stable offset).
 * Done is judged by {@code position()}, not by the last record's offset + 1: a partition's last offsets may hold
 * no record the consumer returns (transaction markers, aborted events under {@code read_committed}), and the
 * position moves past them anyway. Records written after the assignment are at or past the end, and not printed.
 */
public final class EndOfRead {

    private final Consumer<?, ?> consumer;
    private final Duration wait;
    private final Map<TopicPartition, Long> ends = new HashMap<>();

    public EndOfRead(Consumer<?, ?> consumer, Duration wait) {
        this.consumer = consumer;
        this.wait = wait;
    }

    /** Takes the end offsets of {@code partitions}, just assigned. */
    public void assigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            ends.putAll(consumer.endOffsets(partitions, wait));
        }
    }

    /** A listener that takes the end offsets after {@code reporter} has had its say (the seeks included). */
    public ConsumerRebalanceListener around(ConsumerRebalanceListener reporter) {
        return AssignmentHook.after(reporter, this::assigned, partitions -> partitions.forEach(ends::remove));
    }

    /** Whether {@code offset} of {@code partition} was written after the assignment: not to be printed. */
    public boolean past(TopicPartition partition, long offset) {
        Long end = ends.get(partition);
        return end != null && offset >= end;
    }

    /** Whether every assigned partition's position has reached the end taken at its assignment. */
    public boolean reached() {
        var assignment = consumer.assignment();
        if (assignment.isEmpty() || !ends.keySet().containsAll(assignment)) {
            return false; // not assigned yet (the group's join takes a few polls)
        }
        for (TopicPartition partition : assignment) {
            if (consumer.position(partition, wait) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }
}
