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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
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
    void whatAKilledMemberHeldComesBackToAnotherWithDeliveryCountTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        int events = 2000;
        TopicFixture topic = TopicFixture.withEvents("share-kill", 1, events);
        String group = topic.group() + "-share";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET),
                    // the broker's shortest lock (group.share.min.record.lock.duration.ms): the test waits it out
                    new AlterConfigOp(new ConfigEntry("share.record.lock.duration.ms", "15000"), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        // A member of the jar writing into a pipe nobody reads: its first batch (up to 500 JSON lines, more than the
        // pipe holds) blocks in a write before the member acknowledges it; then kill -9.
        List<String> args = new ArrayList<>(List.of("consumer"));
        args.addAll(List.of(topic.args("--share-group", group, "--output", "json")));
        Process killed = JarProcess.builder(args).redirectError(dir.resolve("killed.err").toFile()).start();
        java.io.ByteArrayOutputStream printedByKilled = new java.io.ByteArrayOutputStream();
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (killed.getInputStream().available() < 60_000 && System.nanoTime() < deadline) {
                Thread.sleep(100); // the pipe fills: the member is blocked mid-batch, holding what it acquired
            }
            assertThat(killed.getInputStream().available()).as("the member printed into the pipe").isGreaterThan(0);
            Thread.sleep(1_000);
            killed.toHandle().destroyForcibly(); // SIGKILL; Process.destroyForcibly() would close the pipe as well
            assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            printedByKilled.write(killed.getInputStream().readAllBytes());
        } finally {
            killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String killedOut = printedByKilled.toString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> printedBeforeTheKill = EventIds.inJsonLines(killedOut.substring(0, killedOut.lastIndexOf('\n') + 1));

        ProgramRun other = topic.consumer("--share-group", group, "--output", "json", "--timeout-ms", "40000",
                "--max-messages", String.valueOf(events), "--lang", "en");
        assertThat(other.awaitExit(Duration.ofMinutes(3))).as(other.err()).isZero();
        List<String> ids = EventIds.inJsonLines(other.out());
        assertThat(ids).doesNotHaveDuplicates();
        HashSet<String> everyone = new HashSet<>(ids);
        everyone.addAll(printedBeforeTheKill);
        assertThat(everyone).as("nothing lost, by id, between the killed member and the other").hasSize(events);
        List<String> redelivered = new ArrayList<>();
        for (String line : other.out().lines().toList()) {
            com.fasterxml.jackson.databind.JsonNode node = MAPPER.readTree(line);
            if (node.get("delivery_count").asInt() == 2) {
                redelivered.add(node.get("event_id").asText());
            }
        }
        // What the dead member held and never acknowledged came back, marked as a second delivery: the batch it
        // was writing when it was killed, printed in part (so those lines are printed twice: at least once).
        assertThat(redelivered).as("redelivered after the kill").isNotEmpty();
        assertThat(printedBeforeTheKill.stream().filter(redelivered::contains)).as("printed, never acknowledged, "
                + "delivered again").isNotEmpty();
        assertThat(other.err()).doesNotContain("(rejected:");
    }

    @Test
    void aShareGroupRefusesWhatMeansNothingToIt() {
        ProgramOutput refused = ProgramOutput.consumer(TestKafka.bootstrapArgs("--topic", "t", "--share-group", "s",
                "--partition", "0"));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).contains("--partition means nothing with --share-group").doesNotContain("\n");
    }
}
