package dev.kafkatutorial.useractivity.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.broker.ThreeBrokerCluster;
import dev.kafkatutorial.useractivity.producer.ExplainIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The doctor and the producer's --explain on three brokers and a controller of its own, one cluster for the
 * class: all ok on RF 3 with min.insync.replicas=2, a warning for RF 3 with min.insync.replicas=1, the acks=all
 * line on RF 3 / 2, the active controller (the metadata quorum's leader, not a broker), and last, with a broker
 * shut down, a request that times out named in one line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoctorThreeBrokersIT {

    private static ThreeBrokerCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = ThreeBrokerCluster.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aHealthyReplicatedTopicIsAllOk() throws Exception {
        String topic = "doctor-healthy-" + System.nanoTime();
        cluster.createReplicatedTopic(topic, 3); // RF 3, min.insync.replicas=2
        DoctorIT.Run run = DoctorIT.doctor("--bootstrap-server", cluster.bootstrapServers(), "--topic", topic,
                "--output", "json", "--lang", "en");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        List<String> verdicts = new ArrayList<>();
        for (JsonNode check : run.json().get("checks")) {
            verdicts.add(check.get("check").asText() + "=" + check.get("verdict").asText());
        }
        assertThat(verdicts).containsExactly("broker=ok", "metadata.version=ok", "topic=ok", "replication=ok",
                "partitions=ok", "group.version=ok", "share.version=ok");
        assertThat(run.out()).contains("3 broker(s)")
                .contains("Replication factor 3, min.insync.replicas=2: an acknowledged event is on at least 2 brokers");
    }

    @Test
    void minInsyncOneOnThreeReplicasIsAWarning() throws Exception {
        String topic = "doctor-minisr1-" + System.nanoTime();
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3).configs(Map.of("min.insync.replicas", "1"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        DoctorIT.Run run = DoctorIT.doctor("--bootstrap-server", cluster.bootstrapServers(), "--topic", topic,
                "--output", "json", "--lang", "en");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.verdict("replication")).isEqualTo("warning");
        assertThat(run.out()).contains("an acknowledged event can be lost with it");
    }

    @Test
    void theAcksLineOnThreeReplicasWithMinInsyncTwo() throws Exception {
        String topic = "explain-rf3-" + System.nanoTime();
        cluster.createReplicatedTopic(topic, 3);
        String out = ExplainIT.produce(cluster.bootstrapServers(), topic, 1)[0];

        assertThat(out.lines().findFirst()).hasValue("acks=all: this topic has 3 replica(s) - the leader answers once "
                + "every in-sync replica (at least 2) has the event. An acknowledged event is on at least 2 brokers "
                + "and survives losing 1. With fewer than 2 in sync, sends are refused.");
    }

    /**
     * On KRaft, describeCluster().controller() names a random live broker; the active controller is the leader
     * of the metadata quorum, here a node of its own that is no broker.
     */
    @Test
    void theActiveControllerIsTheQuorumLeaderNotABroker() throws Exception {
        int leader;
        List<Integer> brokers;
        try (Admin admin = cluster.admin()) {
            leader = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
            brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream().map(Node::id)
                    .collect(Collectors.toList());
        }
        DoctorIT.Run run = DoctorIT.doctor("--bootstrap-server", cluster.bootstrapServers(), "--lang", "en");

        assertThat(brokers).doesNotContain(leader);
        assertThat(run.out().lines().findFirst().orElseThrow()).as(run.out() + run.err())
                .endsWith("3 broker(s), active controller: " + leader);
    }

    /**
     * Last, as it shuts broker 2 down for good: a topic whose one replica is on broker 2 has no leader, so the
     * group check's listOffsets never gets an answer. The doctor names the request that timed out in one line,
     * never a bare "TimeoutException", and exits 1.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aCheckThatTimesOutSaysWhichRequestInOneLine() throws Exception {
        String topic = "doctor-offline-" + System.nanoTime();
        String group = topic + "-group";
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, Map.of(0, List.of(2))))).all().get(30, TimeUnit.SECONDS);
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
                    .all().get(30, TimeUnit.SECONDS);
            cluster.shutDownBroker(2);
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeTopics(List.of(topic))
                    .allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions().get(0).leader() == null);
        }
        for (String output : List.of("text", "json")) {
            DoctorIT.Run run = DoctorIT.doctor("--bootstrap-server", cluster.bootstrapServers(), "--topic", topic,
                    "--group", group, "--output", output, "--lang", "en");
            System.out.println("FIGURES doctor with a partition offline (" + output + "): exit " + run.exit() + "\n"
                    + run.out() + run.err());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
            Optional<String> timedOut = (run.out() + run.err()).lines().filter(l -> l.contains("No answer within")).findFirst();
            assertThat(timedOut).as(run.out() + run.err()).hasValueSatisfying(line ->
                    assertThat(line).contains("listOffsets", topic));
            if (output.equals("json")) {
                assertThat(run.json().get("exit").asInt()).isEqualTo(1);
                assertThat(run.verdict("partitions")).isEqualTo("problem");
            }
        }
    }
}
