package dev.kafkatutorial.useractivity.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * Finds brokers that are down: registered with the controller but fenced (killed, or shut down), or named as a
 * replica of some partition and not registered at all. A healthy cluster gets no line.
 */
final class BrokersCheck {

    private BrokersCheck() {
    }

    static void run(Admin admin, Duration wait, ReplicationLines lines, Findings findings) throws Exception {
        long ms = wait.toMillis();
        // A KRaft broker that stops sending heartbeats is fenced by the controller: it stays registered, but
        // describeCluster lists it only when asked for fenced brokers too (Kafka 4.0, KIP-1073).
        Collection<Node> nodes;
        try {
            nodes = admin.describeCluster(new DescribeClusterOptions().includeFencedBrokers(true)).nodes()
                    .get(ms, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnsupportedVersionException)) {
                throw e;
            }
            nodes = admin.describeCluster().nodes().get(ms, TimeUnit.MILLISECONDS); // an older broker
        }
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(ms, TimeUnit.MILLISECONDS);
        List<TopicPartitionInfo> partitions = new ArrayList<>();
        if (!topics.isEmpty()) {
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames()
                    .get(ms, TimeUnit.MILLISECONDS).values()) {
                partitions.addAll(topic.partitions());
            }
        }
        findings(nodes, partitions, lines).forEach(findings::add);
    }

    /** One warning per broker down: the brokers expected (registered, or holding a replica) less those alive. */
    static List<Finding> findings(Collection<Node> nodes, Collection<TopicPartitionInfo> partitions,
                                  ReplicationLines lines) {
        Set<Integer> expected = new TreeSet<>();
        Set<Integer> alive = new TreeSet<>();
        for (Node node : nodes) {
            expected.add(node.id());
            if (!node.isFenced()) {
                alive.add(node.id());
            }
        }
        partitions.forEach(p -> p.replicas().forEach(replica -> expected.add(replica.id())));
        expected.removeAll(alive);
        List<Finding> found = new ArrayList<>();
        for (int broker : expected) {
            long replicas = partitions.stream().filter(p -> holds(p, broker)).count();
            long leaderless = partitions.stream()
                    .filter(p -> holds(p, broker) && (p.leader() == null || p.leader().isEmpty())).count();
            found.add(Finding.warning("brokers", lines.brokerDown(broker, replicas, leaderless)));
        }
        return found;
    }

    private static boolean holds(TopicPartitionInfo partition, int broker) {
        return partition.replicas().stream().anyMatch(replica -> replica.id() == broker);
    }
}
