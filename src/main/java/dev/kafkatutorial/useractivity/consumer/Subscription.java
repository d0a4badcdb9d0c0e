package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.ClientSettings;
import dev.kafkatutorial.useractivity.cli.RebalanceReporter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer reads: the tutorial's {@code subscribe([topic])} in its group, a pattern ({@code --include}),
 * or one partition outside any group ({@code --partition}). In a group, Kafka decides which partitions this
 * member reads and may change that at any poll (a rebalance); the listener chain built here reacts: it reports
 * the change, positions a partition that was just assigned ({@code --last}, {@code --from-time}), takes the
 * end offsets ({@code --to-end}) and the lag, and explains ({@code --explain}).
 */
public final class Subscription {

    private static final Duration WAIT = ClientSettings.BROKER_WAIT;

    private final Consumer<?, ?> consumer;
    private final ConsumerOptions options;
    private final ConsumerLines lines;
    private final PrintStream err;

    public Subscription(Consumer<?, ?> consumer, ConsumerOptions options, ConsumerLines lines, PrintStream err) {
        this.consumer = consumer;
        this.options = options;
        this.lines = lines;
        this.err = err;
    }

    /**
     * Subscribes or assigns; returns the line to end the program with, or null. Asks the broker first, so no
     * broker (or no topic) is one line after a bounded wait, not a silent hang in poll(). With --include there
     * is no one topic to ask about, so the cluster's topic list is asked for.
     */
    public String start(Committer committer, BooleanSupplier commitBeforeRevoke, EndOfRead endOfRead, Lag lag,
                        Explain explain, Audit audit) {
        List<PartitionInfo> partitions = null;
        if (options.include() != null) {
            consumer.listTopics(WAIT);
        } else {
            partitions = consumer.partitionsFor(options.client().topic(), WAIT);
        }
        if (options.partition() != null) {
            return assignOnePartition(partitions, endOfRead, lag, audit);
        }
        // Named only when the user chose a protocol: the tutorial's lines stay as they were. The number is the
        // member's epoch under the consumer protocol, the group's generation under the classic one.
        ConsumerOptions.GroupProtocol protocol = options.groupProtocol();
        ConsumerRebalanceListener listener = new RebalanceReporter(lines, err, commitBeforeRevoke,
                committer::commitWhileRunning, () -> protocol == null ? null
                        : lines.membership(protocol.name(), consumer.groupMetadata().generationId()));
        listener = endOfRead == null ? listener : endOfRead.around(listener);
        StartPosition start = options.last() != null ? new StartPosition.Last(options.last())
                : options.fromTime() != null ? new StartPosition.FromTime(options.fromTime()) : null;
        if (start != null) {
            if (options.fromTime() != null && !options.isThrowAwayGroup()) {
                err.println(lines.groupPositionsMoved(options.group()));
            }
            listener = AssignmentHook.before(listener, assigned -> assigned.forEach(tp -> seek(start, tp)));
        }
        listener = lag.around(listener); // after any seek: the positions reading starts from
        listener = audit.around(listener); // --audit: where each partition was meant to start, after the seeks
        listener = explain == null ? listener : explain.after(listener);
        if (options.include() != null) {
            // subscribe by pattern: the consumer matches it against the cluster's topic list (metadata), and a
            // topic created later that matches is assigned at the next rebalance
            consumer.subscribe(options.include(), listener);
        } else {
            consumer.subscribe(List.of(options.client().topic()), listener);
        }
        return null;
    }

    /** --partition P [--offset N]: read one partition, as kafka-console-consumer does, without joining the group. */
    private String assignOnePartition(List<PartitionInfo> partitions, EndOfRead endOfRead, Lag lag, Audit audit) {
        String topic = options.client().topic();
        int partition = options.partition();
        if (partitions == null || partitions.isEmpty()) {
            return lines.topicUnavailable(topic, "no such topic");
        }
        if (partition >= partitions.size()) {
            return lines.noSuchPartition(topic, partition, partitions.size());
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        consumer.assign(List.of(tp));
        StartPosition start = options.fromTime() != null ? new StartPosition.FromTime(options.fromTime())
                : StartPosition.of(options.offset());
        seek(start, tp);
        if (endOfRead != null) {
            endOfRead.assigned(List.of(tp));
        }
        lag.assigned(List.of(tp));
        audit.assigned(List.of(tp));
        return null;
    }

    /** Moves the partition to where --last, --from-time or --offset start it, saying so when that is not exact. */
    private void seek(StartPosition start, TopicPartition partition) {
        String moved = start.seek(consumer, partition, WAIT, lines);
        if (moved != null) {
            err.println(moved);
        }
    }
}
