package dev.kafkatutorial.useractivity.broker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Three brokers and one controller of Kafka's own (KafkaClusterTestKit), in this JVM, on free ports: enough
 * replicas for {@code acks=all} to mean something, so one broker can die without losing an event.
 * The controller is a node of its own: with combined nodes, shutting a broker down hangs.
 */
public final class ThreeBrokerCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private ThreeBrokerCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static ThreeBrokerCluster start() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(false)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(3)
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                .build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                // As LocalKafkaBroker: consumers get partitions at once, the group offsets topic is created
                // fast, and the log cleaner does not take 128 MiB of heap per broker up front.
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024))
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new ThreeBrokerCluster(cluster);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** A topic whose every event lives on all three brokers and is acknowledged once two have it. */
    public void createReplicatedTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 3)
                    .configs(Map.of("min.insync.replicas", "2")))).all().get(30, TimeUnit.SECONDS);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Shuts broker {@code id} down (controlled: its partitions' leadership moves) and waits until it is down. */
    public void shutDownBroker(int id) {
        cluster.brokers().get(id).shutdown();
        cluster.brokers().get(id).awaitShutdown();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
