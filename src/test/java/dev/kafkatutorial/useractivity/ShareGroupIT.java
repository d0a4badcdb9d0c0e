package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code consumer --share-group}: a queue's members on the real broker, counted by event id. */
class ShareGroupIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void twoMembersOfOneShareGroupReadEveryEventOfOnePartitionOnceFromTheStart() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("share-two", 1, 300);
        String group = topic.group() + "-share";
        ProgramRun first = topic.consumer("--share-group", group, "--output", "json", "--timeout-ms", "15000");
        ProgramRun second = topic.consumer("--share-group", group, "--output", "json", "--timeout-ms", "15000");
        assertThat(first.awaitExit(LIMIT)).as(first.err()).isZero();
        assertThat(second.awaitExit(LIMIT)).as(second.err()).isZero();

        List<String> ids = new ArrayList<>(EventIds.inJsonLines(first.out()));
        ids.addAll(EventIds.inJsonLines(second.out()));
        assertThat(ids).as("every event once, across both members (a new share group starts at the earliest offset): " + first.err() + second.err())
                .hasSize(300).doesNotHaveDuplicates();
        for (String line : (first.out() + second.out()).lines().toList()) {
            assertThat(MAPPER.readTree(line).get("delivery_count").asInt()).as(line).isEqualTo(1);
        }
        assertThat(first.err() + second.err()).contains("share.auto.offset.reset=earliest");

        // Kafka's own tool sees the same group, through ./kafka.sh as the tutorial's readers run it.
        Shell.Result kafkaTool = new Shell(java.nio.file.Path.of("").toAbsolutePath(), Map.of()).run(
                "./kafka.sh kafka-share-groups --bootstrap-server " + TestKafka.bootstrapServers() + " --list",
                Duration.ofMinutes(3));
        assertThat(kafkaTool.code()).as(kafkaTool.toString()).isZero();
        assertThat(kafkaTool.out().lines()).as(kafkaTool.toString()).contains(group);
    }

    @Test
    void aMalformedRecordIsRejectedOnceAndNeverDeliveredAgain() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("share-poison", 1, 3);
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            raw.send(new ProducerRecord<>(topic.name(), "{not json")).get(30, TimeUnit.SECONDS);
        }
        topic.produce(2);
        String group = topic.group() + "-share";

        ProgramRun run = topic.read("--share-group", group, "--timeout-ms", "10000", "--lang", "en", "--audit",
                "--audit-file", java.nio.file.Files.createTempDirectory("share-audit").resolve("ids").toString());
        assertThat(run.out().lines().filter(l -> l.startsWith("=======")).count()).isEqualTo(5);
        assertThat(run.err().lines().filter(l -> l.contains("(rejected:") || l.contains("(거부됨:")).toList())
                .as(run.err()).hasSize(1).allMatch(l -> l.contains("offset: 3"));

        assertThat(run.err()).contains("Audit: no missing figure for a share group");
        // two producer runs, 3 events and 2: each counted once
        assertThat(run.err()).contains("received 3, duplicates 0, out of order 0", "received 2, duplicates 0, out of order 0");

        ProgramRun again = topic.read("--share-group", group, "--timeout-ms", "10000");
        assertThat(again.out()).as("all five accepted, the malformed one archived: nothing comes back").isEmpty();
        assertThat(again.err()).doesNotContain("rejected").doesNotContain("거부됨");
    }

    @Test
    void recordsAMemberDiedHoldingComeBackToAnotherWithDeliveryCountTwo() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("share-lock", 1, 20);
        String group = topic.group() + "-share";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET),
                    // the broker's shortest lock (group.share.min.record.lock.duration.ms): the test waits it out
                    new AlterConfigOp(new ConfigEntry("share.record.lock.duration.ms", "15000"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        // A member that acquires records and then never answers, as one killed mid-batch: its lock runs out.
        try (KafkaShareConsumer<String, byte[]> dead = new KafkaShareConsumer<>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers(), "group.id", group,
                "share.acknowledgement.mode", "explicit"), new StringDeserializer(), new ByteArrayDeserializer())) {
            dead.subscribe(List.of(topic.name()));
            int held = 0;
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (held == 0 && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = dead.poll(Duration.ofSeconds(1));
                held = records.count();
            }
            assertThat(held).as("the first member acquired records").isPositive();

            ProgramRun other = topic.consumer("--share-group", group, "--timeout-ms", "40000", "--max-messages",
                    String.valueOf(held), "--lang", "en");
            assertThat(other.awaitExit(LIMIT)).as(other.err()).isZero();
            List<String> banners = other.out().lines().filter(l -> l.startsWith("=======")).toList();
            assertThat(banners).hasSize(held).allMatch(l -> l.endsWith("delivery: 2) ======="));
            assertThat(other.out()).contains("(redelivered: 1 earlier delivery was not acknowledged");
            assertThat(new HashSet<>(banners)).hasSize(held);
        }
    }

    @Test
    void aShareGroupRefusesWhatMeansNothingToIt() {
        ProgramOutput refused = ProgramOutput.consumer(TestKafka.bootstrapArgs("--topic", "t", "--share-group", "s",
                "--partition", "0"));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).contains("--partition means nothing with --share-group").doesNotContain("\n");
    }
}
