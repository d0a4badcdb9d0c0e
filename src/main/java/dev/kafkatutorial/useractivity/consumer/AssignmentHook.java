package dev.kafkatutorial.useractivity.consumer;

import java.util.Collection;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * One link of the consumer's rebalance listener chain (Subscription builds it): runs an action around the next
 * listener's. Kafka calls the chain inside poll(): first with the partitions taken away (revoked, or lost when
 * the group moved on without this member), then with those assigned. A seek made in {@code onPartitionsAssigned}
 * is where reading starts, so what reads the positions is a link outside the one that positions the partitions
 * ({@link StartOnAssignment}): each link's action runs {@link #after} the links inside it.
 */
final class AssignmentHook implements ConsumerRebalanceListener {

    private static final Consumer<Collection<TopicPartition>> NOTHING = partitions -> { };

    private final ConsumerRebalanceListener next;
    private final Consumer<Collection<TopicPartition>> afterAssigned;
    private final Consumer<Collection<TopicPartition>> afterGone;

    private AssignmentHook(ConsumerRebalanceListener next, Consumer<Collection<TopicPartition>> afterAssigned,
                           Consumer<Collection<TopicPartition>> afterGone) {
        this.next = next;
        this.afterAssigned = afterAssigned;
        this.afterGone = afterGone;
    }

    /** {@code action} on the assigned partitions once {@code next} has had its say (its seeks included). */
    static ConsumerRebalanceListener after(ConsumerRebalanceListener next, Consumer<Collection<TopicPartition>> action) {
        return new AssignmentHook(next, action, NOTHING);
    }

    /** As {@link #after}, and {@code gone} on partitions revoked or lost. */
    static ConsumerRebalanceListener after(ConsumerRebalanceListener next, Consumer<Collection<TopicPartition>> action,
                                           Consumer<Collection<TopicPartition>> gone) {
        return new AssignmentHook(next, action, gone);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        next.onPartitionsAssigned(partitions);
        afterAssigned.accept(partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        next.onPartitionsRevoked(partitions);
        afterGone.accept(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        next.onPartitionsLost(partitions);
        afterGone.accept(partitions);
    }
}
