package dev.kafkatutorial.useractivity.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The doctor on one broker: a warning for one copy, for min.insync.replicas above the replication factor
 * (capped at it) and for more members than partitions, a problem (exit 1) for a group whose committed offset
 * retention passed, the active controller, and one line with exit 1 (one JSON object with --output json) when
 * no broker answers.
 */
public class DoctorIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** The doctor's run: exit code, stdout, stderr. */
    public record Run(int exit, String out, String err) {
        public JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }

        /** The verdict of the check named {@code check}, the last one if several. */
        public String verdict(String check) throws Exception {
            String verdict = null;
            for (JsonNode node : json().get("checks")) {
                if (node.get("check").asText().equals(check)) {
                    verdict = node.get("verdict").asText();
                }
            }
            return verdict;
        }

        /** The doctor found a problem: exit 1, the check's verdict "problem", and stdout says {@code why}. */
        public void assertProblem(String check, String why) throws Exception {
            assertThat(exit).as(out + err).isEqualTo(1);
            assertThat(verdict(check)).isEqualTo("problem");
            assertThat(out).contains(why);
        }
    }

    public static Run doctor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Doctor.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    private static String topic(String prefix, int partitions, Map<String, String> configs) throws Exception {
        String topic = prefix + "-" + System.nanoTime();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    @Test
    void oneCopyIsAWarningNotAProblem() throws Exception {
        String topic = topic("doctor-rf1", 3, Map.of());
        Run run = doctor(TestKafka.bootstrapArgs("--topic", topic, "--output", "json",
                "--group", topic + "-nobody")); // a group nobody joined yet is no failure

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.verdict("group")).isEqualTo("ok");
        assertThat(run.verdict("broker")).isEqualTo("ok");
        assertThat(run.verdict("topic")).isEqualTo("ok");
        assertThat(run.verdict("replication")).isEqualTo("warning");
        assertThat(run.json().get("exit").asInt()).isZero();
        // The text output: one line per check, in Korean by default.
        Run text = doctor(TestKafka.bootstrapArgs("--topic", topic));
        assertThat(text.out()).contains("[주의] 복제본 1개: ").contains("[정상] 토픽 " + topic + ": 파티션 3개");
    }

    /**
     * Kafka caps min.insync.replicas at the replication factor (Partition.effectiveMinIsr: min(min.insync.replicas,
     * replicas)): RF 1 with min.insync.replicas=2 takes acks=all writes. The doctor says so, as a warning.
     */
    @Test
    void minInsyncAboveTheReplicationFactorIsCappedAtItAndAcksAllWrites() throws Exception {
        String topic = topic("doctor-minisr", 1, Map.of("min.insync.replicas", "2"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // The evidence: the broker acknowledges an acks=all write on one replica with min.insync.replicas=2.
            assertThat(producer.send(new ProducerRecord<>(topic, "acks-all")).get(30, TimeUnit.SECONDS).offset())
                    .isZero();
        }
        Run run = doctor(TestKafka.bootstrapArgs("--topic", topic, "--output", "json", "--lang", "en"));

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.verdict("replication")).isEqualTo("warning");
        assertThat(run.out()).contains("min.insync.replicas=2 is above the replication factor (1): Kafka caps it at 1")
                .doesNotContain("can ever write");
    }

    @Test
    void lagBeyondRetentionIsAProblem() throws Exception {
        String topic = topic("doctor-retention", 1, Map.of());
        String group = topic + "-group";
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "event-" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        try (Admin admin = admin()) {
            // The group read 2 events; then retention (here deleteRecords) removes the first 5.
            admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(2)))
                    .all().get(30, TimeUnit.SECONDS);
            Run before = doctor(TestKafka.bootstrapArgs("--topic", topic,
                    "--group", group, "--output", "json"));
            assertThat(before.exit()).as(before.out() + before.err()).isZero();
            assertThat(before.verdict("lag")).isEqualTo("ok");

            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(5))).all().get(30, TimeUnit.SECONDS);
        }
        Run run = doctor(TestKafka.bootstrapArgs("--topic", topic, "--group", group,
                "--output", "json", "--lang", "en"));

        run.assertProblem("lag", "committed 2 < log start 5 - 3 event(s) were deleted");
    }

    @Test
    void fourMembersOnThreePartitionsIsAWarning() throws Exception {
        String topic = topic("doctor-members", 3, Map.of());
        String group = topic + "-group";
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService members = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                members.submit(() -> {
                    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG, group,
                            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                        consumer.subscribe(List.of(topic));
                        while (running.get()) {
                            consumer.poll(Duration.ofMillis(100));
                        }
                    }
                    return null;
                });
            }
            try (Admin admin = admin()) {
                await().atMost(LIMIT).until(() -> admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group).members().size() == 4);
            }
            Run run = doctor(TestKafka.bootstrapArgs("--topic", topic, "--group", group,
                    "--output", "json", "--lang", "en"));

            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.verdict("members")).isEqualTo("warning");
            assertThat(run.out()).contains("4 members on 3 partitions").contains("1 sit idle");
        } finally {
            running.set(false);
            members.shutdown();
            assertThat(members.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void eachGroupsKindAndProtocolAndTheBrokersGroupFeatures() throws Exception {
        String topic = topic("doctor-kinds", 2, Map.of());
        String consumerGroup = topic + "-kip848";
        String shareGroup = topic + "-queue";
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService members = Executors.newFixedThreadPool(2);
        try {
            members.submit(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, consumerGroup,
                        ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(100));
                    }
                }
                return null;
            });
            members.submit(() -> {
                try (org.apache.kafka.clients.consumer.KafkaShareConsumer<String, String> consumer =
                        new org.apache.kafka.clients.consumer.KafkaShareConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, shareGroup), new StringDeserializer(), new StringDeserializer())) {
                    consumer.subscribe(List.of(topic));
                    while (running.get()) {
                        consumer.poll(Duration.ofMillis(100));
                    }
                }
                return null;
            });
            try (Admin admin = admin()) {
                await().atMost(LIMIT).ignoreExceptions().until(() -> admin.describeConsumerGroups(List.of(consumerGroup)).all()
                        .get(10, TimeUnit.SECONDS).get(consumerGroup).members().size() == 1
                        && admin.describeShareGroups(List.of(shareGroup)).all()
                        .get(10, TimeUnit.SECONDS).get(shareGroup).members().size() == 1);
            }
            Run consumer = doctor(TestKafka.bootstrapArgs("--topic", topic, "--group", consumerGroup,
                    "--output", "json", "--lang", "en"));
            assertThat(consumer.exit()).as(consumer.out() + consumer.err()).isZero();
            assertThat(consumer.verdict("group.version")).isEqualTo("ok");
            assertThat(consumer.verdict("share.version")).isEqualTo("ok");
            assertThat(consumer.out()).contains("the consumer protocol (KIP-848) is on", "share groups (KIP-932, queues) are on",
                    consumerGroup + " (Consumer, consumer)", shareGroup + " (Share, share)",
                    "Group " + consumerGroup + ": consumer protocol, group epoch");

            Run share = doctor(TestKafka.bootstrapArgs("--topic", topic, "--group", shareGroup, "--lang", "en"));
            assertThat(share.exit()).as(share.out() + share.err()).isZero();
            assertThat(share.out()).contains("Share group " + shareGroup + ": state Stable, 1 member(s)",
                    "members share records, not partitions");
        } finally {
            running.set(false);
            members.shutdown();
            assertThat(members.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void noBrokerIsOneLineAndExitOne() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        Run run = doctor("--bootstrap-server", "localhost:" + port, "--lang", "en");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("Cannot reach a Kafka broker at localhost:" + port)
                .contains("./local-broker.sh start").doesNotContain("exec:java");
    }

    @Test
    void noBrokerWithJsonOutputIsStillOneJsonObject() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run run = doctor("--bootstrap-server", "localhost:" + port, "--lang", "en", "--output", "json");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().toList()).as(run.out() + run.err()).hasSize(1);
        JsonNode json = run.json();
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("exit").asInt()).isEqualTo(1);
        assertThat(run.verdict("broker")).isEqualTo("problem");
        assertThat(json.get("checks").get(0).get("message").asText())
                .startsWith("Cannot reach a Kafka broker at localhost:" + port);
    }

    @Test
    void anUnresolvableAddressIsOneLineAndWithJsonOutputStillOneJsonObject() throws Exception {
        Run run = doctor("--bootstrap-server", "no-such-host.invalid:9092", "--lang", "en", "--output", "json");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("Cannot resolve the Kafka broker address no-such-host.invalid:9092");
        assertThat(run.json().get("checks").get(0).get("message").asText()).isEqualTo(run.err().strip());
        assertThat(run.out() + run.err()).doesNotContain("Exception", "KafkaAdminClient");
    }

    /**
     * On KRaft, describeCluster().controller() is a random live broker; the active controller is the metadata
     * quorum's leader. The embedded broker is broker and controller at once (DoctorThreeBrokersIT: a controller
     * of its own).
     */
    @Test
    void theActiveControllerIsTheMetadataQuorumsLeader() throws Exception {
        int leader;
        try (Admin admin = admin()) {
            leader = admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        }
        Run run = doctor(TestKafka.bootstrapArgs("--lang", "en"));

        assertThat(run.out().lines().findFirst().orElseThrow()).as(run.out() + run.err())
                .endsWith(", active controller: " + leader);
    }
}
