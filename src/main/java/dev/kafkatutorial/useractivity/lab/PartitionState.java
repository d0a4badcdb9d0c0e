package dev.kafkatutorial.useractivity.lab;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Partition 0 of a lab topic as the controller last decided it: its leader (-1: none) and its in-sync replicas
 * (ISR), the replicas that have every event the leader has acknowledged.
 */
record PartitionState(int leader, List<Integer> isr) {

    static final PartitionState UNKNOWN = new PartitionState(-1, List.of());

    boolean hasLeader() {
        return leader >= 0;
    }

    /** Asks any live broker; {@link #UNKNOWN} if none answers within a few seconds. */
    static PartitionState of(Admin admin, String topic) throws InterruptedException {
        try {
            TopicPartitionInfo partition = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(5, TimeUnit.SECONDS).get(topic).partitions().get(0);
            Node leader = partition.leader();
            return new PartitionState(leader == null || leader.isEmpty() ? -1 : leader.id(),
                    partition.isr().stream().map(Node::id).sorted().toList());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return UNKNOWN; // no broker answered, or none knows the topic yet
        }
    }

    /** Waits until {@code condition} holds, at most {@code limit}; returns the last state seen, whether or not it holds. */
    static PartitionState await(Admin admin, String topic, Predicate<PartitionState> condition, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        PartitionState state = of(admin, topic);
        while (!condition.test(state) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            state = of(admin, topic);
        }
        return state;
    }
}
