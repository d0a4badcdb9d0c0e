package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * local-broker.sh's three brokers, as the README's exercise runs them: start --brokers 3 and status; kill-broker
 * on the partition's leader, after which the ISR shrinks, a follower leads, and the doctor finds the broker down
 * and the partition under-replicated; start-broker, after which it rejoins the ISR and the doctor is content;
 * stop and wipe --brokers 3. On four free ports and a data directory of the test's own; every command after
 * start runs without KAFKA_PORT and KAFKA_DATA_DIR, so the script's memory of them is tested too.
 */
class LocalClusterIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Duration LIMIT = Duration.ofSeconds(240);
    private static final Duration ISR_WITHIN = Duration.ofSeconds(90);

    @Test
    void aKilledLeaderLeavesTheIsrTheDoctorSeesItAndItRejoins() throws Exception {
        int port = fourFreePorts();
        Path dataDir = Files.createTempDirectory("cluster-kafka-");
        Map<String, String> started = Map.of("KAFKA_PORT", String.valueOf(port), "KAFKA_DATA_DIR", dataDir.toString());
        Map<String, String> remembered = new HashMap<>();
        remembered.put("KAFKA_PORT", null);
        remembered.put("KAFKA_DATA_DIR", null);
        String bootstrap = "localhost:" + port + ",localhost:" + (port + 1) + ",localhost:" + (port + 2);
        String topic = "cluster-" + System.nanoTime();
        try {
            Shell.Result start = new Shell(PROJECT, started).run("./local-broker.sh start --brokers 3", LIMIT);
            assertThat(start.code()).as(start.toString()).isZero();
            assertThat(start.out()).contains("Broker 1 ready on localhost:" + port + ".",
                    "Broker 2 ready on localhost:" + (port + 1) + ".", "Broker 3 ready on localhost:" + (port + 2) + ".");
            Shell.Result status = shell(remembered, "./local-broker.sh status");
            assertThat(status.code()).as(status.toString()).isZero();
            assertThat(status.out()).contains("Broker 2 on localhost:" + (port + 1) + ": running (pid ",
                    "Controller (node 0) on localhost:" + (port + 3) + ": running");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                // The cluster's defaults: three replicas and min.insync.replicas=2, as in production.
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())))
                        .all().get(60, TimeUnit.SECONDS);
                await().atMost(ISR_WITHIN).until(() -> isr(admin, topic).size() == 3);
                send(bootstrap, topic, 20);
                int leader = describe(admin, topic).partitions().get(0).leader().id();

                Shell.Result kill = shell(remembered, "./local-broker.sh kill-broker " + leader);
                assertThat(kill.code()).as(kill.toString()).isZero();
                assertThat(kill.out()).startsWith("Broker " + leader + " killed (kill -9");
                assertThat(shell(remembered, "./local-broker.sh status").out())
                        .contains("Broker " + leader + " on localhost:" + (port + leader - 1) + ": down");
                await().atMost(ISR_WITHIN).until(() -> !isr(admin, topic).contains(leader));
                assertThat(describe(admin, topic).partitions().get(0).leader().id()).isNotEqualTo(leader);

                JsonNode doctor = doctor(bootstrap, topic);
                assertThat(finding(doctor, "brokers")).as(doctor.toString())
                        .contains("warning: Broker " + leader + " is down: ");
                assertThat(finding(doctor, "isr")).as(doctor.toString()).startsWith("warning: Partition 0: ISR ")
                        .contains("broker(s) " + leader + " out of sync", "one more broker lost stops acks=all writes");
                assertThat(doctor.get("exit").asInt()).isZero();

                Shell.Result back = shell(remembered, "./local-broker.sh start-broker " + leader);
                assertThat(back.code()).as(back.toString()).isZero();
                assertThat(back.out()).contains("Broker " + leader + " ready on localhost:" + (port + leader - 1) + ".");
                await().atMost(ISR_WITHIN).until(() -> isr(admin, topic).contains(leader));
                JsonNode healthy = doctor(bootstrap, topic);
                assertThat(finding(healthy, "brokers")).as(healthy.toString()).isEmpty();
                assertThat(finding(healthy, "isr")).as(healthy.toString()).isEmpty();
            }
        } finally {
            Shell.Result stop = shell(remembered, "./local-broker.sh stop");
            assertThat(stop.out()).as(stop.toString()).contains("The three local brokers stopped (data kept in " + dataDir);
        }
        Shell.Result wipe = shell(remembered, "./local-broker.sh wipe --brokers 3");
        assertThat(wipe.out()).as(wipe.toString()).contains("data in " + dataDir + " is deleted");
        assertThat(dataDir).doesNotExist();
    }

    private static Shell.Result shell(Map<String, String> environment, String command) throws Exception {
        return new Shell(PROJECT, environment).run(command, LIMIT);
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
    }

    private static List<Integer> isr(Admin admin, String topic) throws Exception {
        return describe(admin, topic).partitions().get(0).isr().stream().map(Node::id).toList();
    }

    private static void send(String bootstrap, String topic, int events) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(topic, "event " + i)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The doctor as a user runs it, from the jar, as JSON. */
    private static JsonNode doctor(String bootstrap, String topic) throws Exception {
        try (JarProcess doctor = JarProcess.start("doctor", new String[] {"--bootstrap-server", bootstrap,
            "--topic", topic, "--output", "json", "--lang", "en"})) {
            doctor.awaitExit(Duration.ofSeconds(60));
            return new ObjectMapper().readTree(doctor.out());
        }
    }

    /** "verdict: message" of the check's findings, one per line; empty if the doctor has none. */
    private static String finding(JsonNode doctor, String check) {
        StringBuilder found = new StringBuilder();
        for (JsonNode node : doctor.get("checks")) {
            if (node.get("check").asText().equals(check)) {
                found.append(node.get("verdict").asText()).append(": ").append(node.get("message").asText()).append('\n');
            }
        }
        return found.toString();
    }

    /** A first port such that it and the next three are free: three brokers and their controller. */
    private static int fourFreePorts() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = 20000 + ThreadLocalRandom.current().nextInt(30000);
            boolean free = true;
            for (int port = first; port < first + 4 && free; port++) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress("localhost", port));
                } catch (java.io.IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new AssertionError("no four free ports in a row");
    }
}
