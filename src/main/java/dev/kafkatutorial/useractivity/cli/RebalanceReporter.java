package dev.kafkatutorial.useractivity.cli;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Says which partitions this consumer got or gave up, so a rebalance between several consumers shows. On
 * stderr, with the summary: stdout carries only the tutorial's lines (or the JSON lines).
 */
public final class RebalanceReporter implements ConsumerRebalanceListener {

    private final Lines lines;
    private final PrintStream err;
    private final BooleanSupplier commitBeforeRevoke;
    private final Runnable commit;
    private final Function<TopicPartition, ?> name;
    private final Supplier<String> membership; // the group protocol and its number, or null: not named

    /** {@code commit} runs before partitions are taken away, when {@code commitBeforeRevoke} says so. */
    public RebalanceReporter(Lines lines, PrintStream err, BooleanSupplier commitBeforeRevoke, Runnable commit) {
        this(lines, err, commitBeforeRevoke, commit, TopicPartition::partition);
    }

    /**
     * As above; {@code name} names each partition in the lines: its number (the tutorial's), or with its topic
     * where several topics are read ({@code --include}), so {@code 0, 0} cannot be two topics' partitions.
     */
    public RebalanceReporter(Lines lines, PrintStream err, BooleanSupplier commitBeforeRevoke, Runnable commit,
                             Function<TopicPartition, ?> name) {
        this(lines, err, commitBeforeRevoke, commit, name, () -> null);
    }

    /** As above; each assignment line also names what {@code membership} says (the protocol, the epoch). */
    public RebalanceReporter(Lines lines, PrintStream err, BooleanSupplier commitBeforeRevoke, Runnable commit,
                             Function<TopicPartition, ?> name, Supplier<String> membership) {
        this.lines = lines;
        this.err = err;
        this.commitBeforeRevoke = commitBeforeRevoke;
        this.commit = commit;
        this.name = name;
        this.membership = membership;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        err.println(lines.assigned(names(partitions), membership.get()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (commitBeforeRevoke.getAsBoolean()) {
            commit.run(); // what was printed stays read when another consumer takes the partition over
        }
        if (!partitions.isEmpty()) {
            err.println(lines.revoked(names(partitions)));
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // lost, not revoked: the group has moved on without us, so a commit now would fail
        if (!partitions.isEmpty()) {
            err.println(lines.revoked(names(partitions)));
        }
    }

    private List<Object> names(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .<Object>map(name).toList();
    }
}
