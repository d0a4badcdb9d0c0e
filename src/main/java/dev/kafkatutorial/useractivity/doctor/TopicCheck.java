package dev.kafkatutorial.useractivity.doctor;

import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks the topic: it exists (or the broker would create it), its partitions, its replication factor and
 * min.insync.replicas and what they mean for acks=all, and partitions under-replicated or without a leader.
 */
final class TopicCheck {

    private TopicCheck() {
    }

    /** The topic's partition count, or 0 when it does not exist. */
    static int run(Admin admin, String topic, DoctorLines lines, Findings findings)
            throws Request.Failed, InterruptedException {
        TopicDescription description;
        try {
            description = Request.await(admin.describeTopics(List.of(topic)).allTopicNames(), "describeTopics", topic)
                    .get(topic);
        } catch (Request.Failed e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
            missing(admin, topic, lines, findings);
            return 0;
        }
        List<TopicPartitionInfo> partitions = description.partitions();
        findings.add(Finding.ok("topic", lines.doctorTopic(topic, partitions.size())));

        int replicationFactor = partitions.stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        int minInsync = Integer.parseInt(config(admin, new ConfigResource(ConfigResource.Type.TOPIC, topic),
                "min.insync.replicas", "1"));
        // acks=all: the leader answers once every in-sync replica has the event, but it refuses the write
        // (NOT_ENOUGH_REPLICAS) when fewer than min.insync.replicas are in sync. So min.insync.replicas is the
        // number of copies an acknowledged event is guaranteed to have. Kafka caps it at the replication factor
        // (Partition.effectiveMinIsr: min(min.insync.replicas, replicas)): a value above it asks for every
        // replica in sync, no more, and on one replica the leader alone takes acks=all writes.
        if (minInsync > replicationFactor) {
            findings.add(Finding.warning("replication", lines.doctorMinInsyncCapped(replicationFactor, minInsync)));
        } else if (replicationFactor == 1) {
            findings.add(Finding.warning("replication", lines.doctorOneCopy()));
        } else if (minInsync == 1) {
            findings.add(Finding.warning("replication", lines.doctorMinInsyncOne(replicationFactor)));
        } else {
            findings.add(Finding.ok("replication", lines.doctorReplicationOk(replicationFactor, minInsync)));
        }

        long offline = partitions.stream().filter(p -> p.leader() == null || p.leader().isEmpty()).count();
        long underReplicated = partitions.stream().filter(p -> p.isr().size() < p.replicas().size()).count();
        if (offline > 0) {
            findings.add(Finding.problem("partitions", lines.doctorOffline(offline)));
        } else if (underReplicated > 0) {
            findings.add(Finding.warning("partitions", lines.doctorUnderReplicated(underReplicated)));
        } else {
            findings.add(Finding.ok("partitions", lines.doctorInSync()));
        }
        return partitions.size();
    }

    /** No such topic: the first producer's request creates it only if the broker allows it. */
    private static void missing(Admin admin, String topic, DoctorLines lines, Findings findings)
            throws Request.Failed, InterruptedException {
        String broker = String.valueOf(Request.await(admin.describeCluster().nodes(), "describeCluster", "brokers")
                .iterator().next().id());
        ConfigResource resource = new ConfigResource(ConfigResource.Type.BROKER, broker);
        boolean autoCreate = Boolean.parseBoolean(config(admin, resource, "auto.create.topics.enable", "true"));
        if (autoCreate) {
            findings.add(Finding.warning("topic", lines.doctorTopicWillBeCreated(topic,
                    config(admin, resource, "num.partitions", "1"),
                    config(admin, resource, "default.replication.factor", "1"))));
        } else {
            findings.add(Finding.problem("topic", lines.doctorTopicMissing(topic)));
        }
    }

    private static String config(Admin admin, ConfigResource resource, String name, String fallback)
            throws Request.Failed, InterruptedException {
        Config config = Request.await(admin.describeConfigs(List.of(resource)).all(), "describeConfigs",
                resource.type().name().toLowerCase(Locale.ROOT) + " " + resource.name()).get(resource);
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null || entry.value() == null ? fallback : entry.value();
    }
}
