package dev.kafkatutorial.useractivity.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab queue} and {@code lab rebalance} end to end on a real broker, at a small size. */
class GroupLabsIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Run(int code, String out, String err) {
        List<JsonNode> rows() throws Exception {
            List<JsonNode> rows = new ArrayList<>();
            for (String line : out.lines().toList()) {
                rows.add(MAPPER.readTree(line));
            }
            return rows;
        }
    }

    private static Run run(boolean rebalance, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = rebalance ? RebalanceLab.run(args, o, e) : QueueLab.run(args, o, e);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theQueueLabCountsEveryEventOnceForEachKindOfGroupAndLeavesNoTopic() throws Exception {
        Run lab = run(false, "--bootstrap-server", TestKafka.bootstrapServers(), "--events", "300", "--work-ms", "2",
                "--output", "json", "--lang", "en");
        assertThat(lab.code()).as(lab.err()).isZero();
        List<JsonNode> rows = lab.rows();
        assertThat(rows).hasSize(8); // three members and the total, for each kind of group
        for (String type : List.of("classic", "share")) {
            JsonNode all = rows.stream().filter(r -> r.get("group_type").asText().equals(type)
                    && r.get("member").asText().equals("all")).findFirst().orElseThrow();
            assertThat(all.get("events").asLong()).as(type).isEqualTo(300);
            assertThat(all.get("read_twice").asLong()).as(type).isZero();
        }
        JsonNode classicMembers = MAPPER.valueToTree(rows.stream().filter(r -> r.get("group_type").asText().equals("classic")
                && !r.get("member").asText().equals("all")).map(r -> r.get("events").asLong()).toList());
        assertThat(classicMembers.toString()).as("one partition: one classic member reads it all").contains("300");
        assertThat(lab.err()).contains("share: ").contains("classic: ");
        assertNoLabTopic(TestKafka.bootstrapServers(), "lab-queue-");
    }

    @Test
    void theRebalanceLabMeasuresEachChangeUnderEachProtocol(@TempDir Path dir) throws Exception {
        // Kafka's 45 s session would make a small run take minutes: this broker notices a dead member in 6 s.
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, Files.createDirectories(dir.resolve("kafka")), Map.of(
                "group.consumer.min.session.timeout.ms", "6000", "group.consumer.session.timeout.ms", "6000",
                "group.min.session.timeout.ms", "6000"))) {
            Run lab = run(true, "--bootstrap-server", broker.bootstrapServers(), "--modes", "cooperative,consumer",
                    "--rate", "50", "--output", "json", "--lang", "en");
            assertThat(lab.code()).as(lab.err()).isZero();
            List<JsonNode> rows = lab.rows();
            assertThat(rows).extracting(r -> r.get("mode").asText() + ": " + r.get("change").asText()).containsExactly(
                    "cooperative: A joins", "cooperative: B joins", "cooperative: C joins", "cooperative: B killed",
                    "consumer: A joins", "consumer: B joins", "consumer: C joins", "consumer: B killed");
            for (JsonNode row : rows) {
                assertThat(row.get("stable_after_s").isNumber()).as(row.toString() + "\n" + lab.err()).isTrue();
            }
            assertThat(lab.err()).contains("[consumer]", "member epoch", "[cooperative]", "generation", "B killed (kill -9)");
            assertNoLabTopic(broker.bootstrapServers(), "lab-rebalance-");
        }
    }

    @Test
    void aLabRefusesTheTopicOptionItWouldIgnore() {
        Run lab = run(false, "--topic", "mine");
        assertThat(lab.code()).isEqualTo(2);
        assertThat(lab.err().strip()).contains("a lab makes (and deletes) its own topics").doesNotContain("\n");
    }

    private static void assertNoLabTopic(String bootstrapServers, String prefix) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).noneMatch(t -> t.startsWith(prefix));
        }
    }
}
