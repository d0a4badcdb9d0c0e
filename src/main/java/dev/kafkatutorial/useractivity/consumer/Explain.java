package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code consumer --explain}: says on stderr why the consumer reads where it reads. At each assignment, the
 * group's generation (it grows by one at every rebalance), this member's id and the assignor; where each
 * partition just assigned starts (its position once {@link StartOnAssignment} has placed it) and why; and after
 * each commit the position committed (the offset of the next record to read, not of the last one read). It asks
 * the broker nothing but the positions: see {@link Lag} on what a ListOffsets request does to the lag.
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

    /**
     * {@code listener}, followed at each assignment by the explanation; {@code starts} says why each partition
     * starts where it does.
     */
    ConsumerRebalanceListener after(ConsumerRebalanceListener listener, StartOnAssignment starts) {
        return AssignmentHook.after(listener, partitions -> assigned(partitions, starts));
    }

    /** A commit the broker accepted (seen by the {@link CommitLedger}, automatic ones too). */
    public void committed(TopicPartition partition, long offset) {
        // Auto commit sends every position each interval, moved or not: an idle consumer would say the same
        // commit every 5 s. Only a position that moved is worth a line.
        Long before = printed.put(partition, offset);
        if (before == null || before != offset) {
            err.println(lines.explainCommit(lines.partition(partition), offset));
        }
    }

    private void assigned(Collection<TopicPartition> partitions, StartOnAssignment starts) {
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
        String reset = String.valueOf(config.getOrDefault(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"));
        partitions.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .forEach(tp -> {
                    // The position after every seek of the chain: where the next fetch reads. For a partition
                    // without one yet (no commit, no seek), the consumer asks where auto.offset.reset points now.
                    long position;
                    try {
                        position = consumer.position(tp, WAIT);
                    } catch (KafkaException e) {
                        return; // the explanation is not worth failing the read for; the poll reports a broker gone
                    }
                    err.println(line(starts.start(tp), lines.partition(tp), position, starts.option(), reset));
                });
    }

    private String line(StartOnAssignment.Start start, String partition, long position, String option, String reset) {
        return switch (start.why()) {
            case COMMITTED -> lines.explainStart(partition, position, lines.explainWhyCommitted());
            case COMMIT_DELETED -> lines.explainCommitDeleted(partition, start.committed(), start.logStart(), reset,
                    position);
            case RESUMED -> lines.explainStart(partition, position, lines.explainWhyResumed());
            case OPTION -> lines.explainStart(partition, position, lines.explainWhyOption(option));
            case RESET -> lines.explainNoCommit(partition, reset, position);
            case UNKNOWN -> lines.explainStart(partition, position, lines.explainWhyUnknown(reset));
        };
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
