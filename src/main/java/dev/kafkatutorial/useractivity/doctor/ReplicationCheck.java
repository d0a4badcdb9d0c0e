package dev.kafkatutorial.useractivity.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks each partition of the topic against its replication settings: no leader, in-sync replicas (ISR) below
 * or at {@code min.insync.replicas}, the eligible leader replicas of Kafka 4 (KIP-966), and unclean leader
 * election where it is on. Partitions with all replicas in sync get no line (TopicCheck says so for all).
 */
final class ReplicationCheck {

    /** Lines for at most this many partitions, then one line for the rest. */
    private static final int MAX_PARTITION_LINES = 10;

    private ReplicationCheck() {
    }

    static void run(Admin admin, String topic, String bootstrapServers, Duration wait, ReplicationLines lines,
                    Findings findings) throws Exception {
        long ms = wait.toMillis();
        List<TopicPartitionInfo> partitions;
        try {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(ms, TimeUnit.MILLISECONDS)
                    .get(topic).partitions();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return; // TopicCheck has said so
            }
            throw e;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(ms, TimeUnit.MILLISECONDS).get(resource);
        int minInsync = Integer.parseInt(value(config, "min.insync.replicas", "1"));
        boolean unclean = Boolean.parseBoolean(value(config, "unclean.leader.election.enable", "false"));
        findings(topic, bootstrapServers, partitions, minInsync, unclean, lines).forEach(findings::add);
    }

    static List<Finding> findings(String topic, String bootstrapServers, List<TopicPartitionInfo> partitions,
                                  int minInsync, boolean unclean, ReplicationLines lines) {
        List<Finding> found = new ArrayList<>();
        int shown = 0;
        int more = 0;
        for (TopicPartitionInfo p : partitions) {
            List<Finding> these = partition(p, minInsync, unclean, lines);
            if (these.isEmpty()) {
                continue;
            }
            if (shown++ < MAX_PARTITION_LINES) {
                found.addAll(these);
            } else {
                more++;
            }
        }
        if (more > 0) {
            found.add(Finding.warning("isr", lines.morePartitions(more)));
        }
        if (unclean) {
            found.add(Finding.warning("unclean", lines.uncleanOn(topic, bootstrapServers)));
        }
        return found;
    }

    private static List<Finding> partition(TopicPartitionInfo p, int minInsync, boolean unclean,
                                           ReplicationLines lines) {
        List<Integer> replicas = ids(p.replicas());
        List<Integer> isr = ids(p.isr());
        List<Integer> elr = ids(p.elr());
        List<Integer> outOfSync = new ArrayList<>(replicas);
        outOfSync.removeAll(isr);
        // The leader refuses acks=all writes while the ISR is smaller than min.insync.replicas, capped at the
        // replication factor (Kafka 4: a topic with more min.insync.replicas than replicas needs them all).
        int effective = Math.min(minInsync, replicas.size());
        List<Finding> found = new ArrayList<>();
        if (p.leader() == null || p.leader().isEmpty()) {
            found.add(Finding.problem("isr", lines.noLeader(p.partition(), replicas, elr, ids(p.lastKnownElr()),
                    unclean)));
            return found;
        }
        if (isr.size() < effective) {
            found.add(Finding.problem("isr", lines.belowMinInsync(p.partition(), isr, replicas, minInsync, outOfSync)));
        } else if (isr.size() < replicas.size()) {
            found.add(Finding.warning("isr", lines.underReplicated(p.partition(), isr, replicas, effective,
                    outOfSync)));
        }
        // KIP-966: replicas that left the ISR while it was below min.insync.replicas, with every event up to the
        // high watermark; the controller elects one of them before any out-of-sync replica.
        if (!elr.isEmpty()) {
            found.add(Finding.ok("elr", lines.eligibleLeaders(p.partition(), elr)));
        }
        return found;
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes == null ? List.of() : nodes.stream().map(Node::id).toList();
    }

    private static String value(Config config, String name, String fallback) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null || entry.value() == null ? fallback : entry.value();
    }
}
