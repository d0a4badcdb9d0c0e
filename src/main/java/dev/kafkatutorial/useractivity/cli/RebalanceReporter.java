package dev.kafkatutorial.useractivity.cli;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
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
    private final java.util.function.Supplier<String> membership; // the protocol and its number, or null

    /** {@code commit} runs before partitions are taken away, when {@code commitBeforeRevoke} says so. */
    public RebalanceReporter(Lines lines, PrintStream err, BooleanSupplier commitBeforeRevoke, Runnable commit) {
        this(lines, err, commitBeforeRevoke, commit, () -> null);
    }

    /** As above; each assignment line also names what {@code membership} says (the protocol, the epoch). */
    public RebalanceReporter(Lines lines, PrintStream err, BooleanSupplier commitBeforeRevoke, Runnable commit,
                             java.util.function.Supplier<String> membership) {
        this.lines = lines;
        this.err = err;
        this.commitBeforeRevoke = commitBeforeRevoke;
        this.commit = commit;
        this.membership = membership;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        err.println(lines.assigned(numbers(partitions), membership.get()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (commitBeforeRevoke.getAsBoolean()) {
            commit.run(); // what was printed stays read when another consumer takes the partition over
        }
        if (!partitions.isEmpty()) {
            err.println(lines.revoked(numbers(partitions)));
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // lost, not revoked: the group has moved on without us, so a commit now would fail
        if (!partitions.isEmpty()) {
            err.println(lines.revoked(numbers(partitions)));
        }
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }
}
