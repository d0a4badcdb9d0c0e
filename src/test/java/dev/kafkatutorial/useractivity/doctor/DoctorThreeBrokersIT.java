package dev.kafkatutorial.useractivity.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.broker.ThreeBrokerCluster;
import dev.kafkatutorial.useractivity.producer.ExplainIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The doctor and the producer's --explain on three brokers, one cluster for the class: all ok on RF 3 with
 * min.insync.replicas=2, a warning for RF 3 with min.insync.replicas=1, and the acks=all line on RF 3 / 2.
 */
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
                "partitions=ok");
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
}
