package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code consumer --explain}: says on stderr why the consumer reads where it reads. At each assignment, the
 * group's generation (it grows by one at every rebalance), this member's id and the assignor; where each new
 * partition starts and why; and after each commit the position committed (the offset of the next record to
 * read, not of the last one read).
 */
public final class Explain {

    private static final Duration WAIT = ClientSettings.BROKER_WAIT;

    private final Consumer<?, ?> consumer;
    private final Map<String, Object> config;
    private final ConsumerLines lines;
    private final PrintStream err;
    private final Map<TopicPartition, Long> printed = new java.util.concurrent.ConcurrentHashMap<>();

    public Explain(Consumer<?, ?> consumer, Map<String, Object> config, ConsumerLines lines, PrintStream err) {
        this.consumer = consumer;
        this.config = config;
        this.lines = lines;
        this.err = err;
    }

    /** {@code listener}, followed at each assignment by the explanation. */
    public ConsumerRebalanceListener after(ConsumerRebalanceListener listener) {
        return AssignmentHook.after(listener, this::assigned);
    }

    /** A commit the broker accepted (seen by the {@link CommitLedger}, automatic ones too). */
    public void committed(TopicPartition partition, long offset) {
        // Auto commit sends every position each interval, moved or not: an idle consumer would say the same
        // commit every 5 s. Only a position that moved is worth a line.
        Long before = printed.put(partition, offset);
        if (before == null || before != offset) {
            err.println(lines.explainCommit(partition.partition(), offset));
        }
    }

    private void assigned(Collection<TopicPartition> partitions) {
        // groupMetadata() is what a transactional processor hands to sendOffsetsToTransaction: the coordinator
        // rejects offsets from a member of an older generation (a "zombie" that missed a rebalance).
        ConsumerGroupMetadata group = consumer.groupMetadata();
        if ("consumer".equals(String.valueOf(config.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)))) {
            // KIP-848: the number is this member's epoch (each new assignment the broker gives it raises it), and
            // the assignment is the broker's work, by its group.consumer.assignors (or group.remote.assignor).
            Object remote = config.get(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG);
            err.println(lines.explainConsumerProtocol(group.groupId(), group.generationId(), group.memberId(),
                    remote == null ? null : String.valueOf(remote)));
        } else {
            err.println(lines.explainGroup(group.groupId(), group.generationId(), group.memberId(), assignor()));
        }
        if (partitions.isEmpty()) {
            return;
        }
        // The position of a newly assigned partition is the group's committed offset; without one, the fetch
        // position comes from auto.offset.reset when the first fetch needs it.
        Map<TopicPartition, OffsetAndMetadata> committed;
        Map<TopicPartition, Long> logStart;
        try {
            committed = consumer.committed(new HashSet<>(partitions), WAIT);
            logStart = consumer.beginningOffsets(partitions, WAIT);
        } catch (KafkaException e) {
            return; // the explanation is not worth failing the read for; the poll reports a broker that is gone
        }
        String reset = String.valueOf(config.getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        partitions.stream().sorted(Comparator.comparingInt(TopicPartition::partition)).forEach(tp -> {
            OffsetAndMetadata offset = committed.get(tp);
            Long start = logStart.get(tp);
            if (offset != null && start != null && offset.offset() < start) {
                // Retention (or deleteRecords) removed the committed position before the group read it: the
                // fetch is answered "out of range" and auto.offset.reset decides; the events between are lost.
                err.println(lines.explainCommitDeleted(tp.partition(), offset.offset(), start, reset));
            } else {
                err.println(lines.explainStart(tp.partition(), offset == null ? null : offset.offset(), reset));
            }
        });
    }

    /**
     * The assignor: with the classic protocol the group leader runs the first strategy every member supports
     * (this program lists Kafka's default, range then cooperative-sticky); with {@code group.protocol=consumer}
     * (KIP-848) the broker assigns, with its {@code group.remote.assignor} or its default (uniform).
     */
    private String assignor() {
        Object protocol = config.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        if (protocol != null && protocol.toString().equalsIgnoreCase("consumer")) {
            Object remote = config.get(ConsumerConfig.GROUP_REMOTE_ASSIGNOR_CONFIG);
            return remote != null ? remote.toString() : "broker (uniform)";
        }
        Object strategy = config.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        String first = strategy == null ? "org.apache.kafka.clients.consumer.RangeAssignor"
                : strategy instanceof java.util.List<?> list ? String.valueOf(list.get(0))
                : strategy.toString().split(",")[0].trim();
        if (strategy instanceof Class<?> type) {
            first = type.getName();
        }
        return first.substring(first.lastIndexOf('.') + 1);
    }
}
