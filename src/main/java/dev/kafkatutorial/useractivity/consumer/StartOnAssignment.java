package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.ClientSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each partition the group assigns to this member starts reading. Kafka calls the rebalance listener at
 * every rebalance, not only the first: a new member, one that leaves, a new topic matching {@code --include}.
 * With the classic protocol's eager assignors (Kafka's default, range) every partition is taken away and handed
 * out again each time, and the consumer forgets their positions: a partition handed back starts at the group's
 * committed offset, else where {@code auto.offset.reset} says. So a start option applied at every assignment
 * would move a member back (events printed twice) or forward (events skipped, and then committed past), and a
 * partition taken over from another member would ignore that member's commits.
 *
 * <p>So each partition starts, in this order of precedence:
 * <ol>
 * <li>at the group's committed offset, in a named group (asked with {@code committed()}): the group has read up to
 *     there, in an earlier run or in another member; a commit that retention has deleted since is moved to where
 *     {@code auto.offset.reset} says, with a line, so that the lag and {@code --explain} count only what exists;
 * <li>where this run was reading it when it was taken away (its position, kept at revocation): what a throw-away
 *     group, which commits nothing, resumes from;
 * <li>where {@code --last} or {@code --from-time} says: the partition's first assignment in this run;
 * <li>where {@code auto.offset.reset} says.
 * </ol>
 */
final class StartOnAssignment {

    private static final Duration WAIT = ClientSettings.BROKER_WAIT;

    /** Why a partition starts where it does, for --explain. */
    enum Why { COMMITTED, COMMIT_DELETED, RESUMED, OPTION, RESET, UNKNOWN }

    /** Why a partition starts where it does; {@code committed} and {@code logStart} for COMMIT_DELETED. */
    record Start(Why why, long committed, long logStart) {
        static Start of(Why why) {
            return new Start(why, -1, -1);
        }
    }

    private final Consumer<?, ?> consumer;
    private final StartPosition option; // --last, --from-time, or null
    private final String group; // a named group, whose commits win; null for a throw-away group, which commits nothing
    private final String reset; // auto.offset.reset
    private final ConsumerLines lines;
    private final PrintStream err;
    private final Map<TopicPartition, Long> left = new HashMap<>(); // positions when taken away in this run
    private final Set<TopicPartition> seen = new HashSet<>(); // assigned at least once in this run
    private final Map<TopicPartition, Start> starts = new HashMap<>();

    StartOnAssignment(Consumer<?, ?> consumer, StartPosition option, String group, String reset, ConsumerLines lines,
                      PrintStream err) {
        this.consumer = consumer;
        this.option = option;
        this.group = group;
        this.reset = reset;
        this.lines = lines;
        this.err = err;
    }

    /**
     * {@code next}, then the positions: after the assignment line. On the way out, the positions are kept after
     * {@code next} has had its say (its commit before the partitions are taken away, with --manual-commit).
     */
    ConsumerRebalanceListener around(ConsumerRebalanceListener next) {
        return AssignmentHook.after(next, this::assigned, this::gone);
    }

    /** The start option as the user gave it ({@code --last 3}), or empty. */
    String option() {
        return option == null ? "" : option.option();
    }

    /** Why {@code partition} starts where it does, as decided at its last assignment. */
    Start start(TopicPartition partition) {
        return starts.getOrDefault(partition, Start.of(Why.UNKNOWN));
    }

    private void assigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = committed(partitions);
        List<TopicPartition> byOption = new ArrayList<>();
        List<TopicPartition> commitWins = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            boolean first = seen.add(tp);
            Long resumed = left.remove(tp);
            if (committed == null) {
                starts.put(tp, Start.of(Why.UNKNOWN)); // Kafka fetches the commit itself; see committed()
            } else if (committed.get(tp) != null) {
                starts.put(tp, Start.of(Why.COMMITTED));
                if (first && option != null) {
                    commitWins.add(tp);
                }
            } else if (resumed != null) {
                consumer.seek(tp, resumed);
                starts.put(tp, Start.of(Why.RESUMED));
            } else if (option != null) {
                byOption.add(tp);
                starts.put(tp, Start.of(Why.OPTION));
            } else {
                starts.put(tp, Start.of(Why.RESET));
            }
        }
        if (!commitWins.isEmpty()) {
            err.println(lines.groupCommitsWin(group, option.option(), lines.partitions(commitWins)));
        }
        if (!byOption.isEmpty()) {
            say(option.seek(consumer, byOption, WAIT));
        }
        if (committed != null && !committed.isEmpty()) {
            moveDeletedCommits(committed);
        }
    }

    /**
     * The group's commits for {@code partitions}: empty for a throw-away group, null when unknown. Needed to
     * decide only with a start option, so without one a broker that does not answer is left to Kafka, which asks
     * for the commits itself before the first fetch.
     */
    private Map<TopicPartition, OffsetAndMetadata> committed(Collection<TopicPartition> partitions) {
        if (group == null) {
            return Map.of();
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    new HashMap<>(consumer.committed(new HashSet<>(partitions), WAIT));
            committed.values().removeIf(Objects::isNull); // Kafka maps a partition without a commit to null
            return committed;
        } catch (KafkaException e) {
            if (option != null) {
                throw e; // the program cannot tell where to start: it ends with a line (ListenerGuard)
            }
            return null;
        }
    }

    /**
     * A committed offset before the log start: the first fetch would be answered "out of range" and
     * auto.offset.reset applied. Seeking there now makes the position, the lag and --explain say what is read.
     */
    private void moveDeletedCommits(Map<TopicPartition, OffsetAndMetadata> committed) {
        Map<TopicPartition, Long> logStarts;
        try {
            logStarts = consumer.beginningOffsets(committed.keySet(), WAIT);
        } catch (KafkaException e) {
            return; // the first fetch finds out, and auto.offset.reset applies all the same
        }
        committed.forEach((tp, offset) -> {
            Long logStart = logStarts.get(tp);
            if (logStart == null || offset.offset() >= logStart) {
                return;
            }
            Long from = null;
            if (reset.equals("earliest")) {
                consumer.seek(tp, logStart);
                from = logStart;
            } else if (reset.equals("latest")) {
                consumer.seekToEnd(List.of(tp));
                from = endOrNull(tp);
            }
            starts.put(tp, new Start(Why.COMMIT_DELETED, offset.offset(), logStart));
            err.println(lines.commitDeleted(lines.partition(tp), offset.offset(), logStart, reset, from));
        });
    }

    private Long endOrNull(TopicPartition tp) {
        try {
            return consumer.position(tp, WAIT); // after seekToEnd: the end, asked for now
        } catch (KafkaException e) {
            return null;
        }
    }

    /** One line for each way a start option could not be followed as asked. */
    private void say(Map<TopicPartition, StartPosition.Moved> moved) {
        List<TopicPartition> beforeLog = new ArrayList<>();
        moved.forEach((tp, m) -> {
            if (m.why() == StartPosition.Moved.Why.TIME_BEFORE_LOG_START) {
                beforeLog.add(tp);
            }
        });
        if (!beforeLog.isEmpty() && option instanceof StartPosition.FromTime time) {
            err.println(lines.fromTimeBeforeLogStart(Instant.ofEpochMilli(time.epochMillis()).toString(),
                    lines.partitions(beforeLog)));
        }
    }

    /**
     * Partitions taken away (revoked, or lost when the group moved on without this member): their positions now,
     * where this run resumes if they come back with nothing committed. Only a position the consumer knows
     * already (a zero wait): one it would have to ask the broker for is no position this run has read from.
     */
    private void gone(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            try {
                left.put(tp, consumer.position(tp, Duration.ZERO));
            } catch (KafkaException | IllegalStateException e) {
                left.remove(tp);
            }
        }
    }
}
