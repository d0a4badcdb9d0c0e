package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.UserActivityProducer;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The producer's --explain on one broker: the acks=all line on a single copy (and with min.insync.replicas above
 * it, capped), and for 1,000 keyed events on three partitions the explained partition of each key is the
 * partition the broker reported for it.
 */
public class ExplainIT {

    private static final Pattern SENT = Pattern.compile(
            "Message sent successfully - topic: \\S+, partition: (\\d+), offset: \\d+, key: (\\d+)");
    private static final Pattern EXPLAINED = Pattern.compile(
            "key (\\d+) → murmur2 hash % 3 partitions = partition (\\d+)(.*)");

    public static String[] produce(String bootstrapServers, String topic, int events, String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(List.of("--bootstrap-server", bootstrapServers, "--topic", topic,
                "--interval", "0", "--max-messages", String.valueOf(events), "--explain", "--lang", "en"));
        args.addAll(List.of(extra));
        int exit = UserActivityProducer.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theExplainedPartitionIsTheBrokersForEveryKey() {
        String topic = "explain-keys-" + System.nanoTime();
        TestKafka.createTopic(topic, 3);
        String out = produce(TestKafka.bootstrapServers(), topic, 1_000, "--key", "user_id")[0];

        // Per key, where the broker put it (success lines) and where --explain says it goes.
        Map<String, Integer> reported = new HashMap<>();
        Map<String, Integer> explained = new HashMap<>();
        int sentLines = 0;
        int explainedLines = 0;
        for (String line : out.lines().toList()) {
            Matcher sent = SENT.matcher(line);
            if (sent.matches()) {
                sentLines++;
                assertThat(reported.put(sent.group(2), Integer.parseInt(sent.group(1))))
                        .as("key %s in one partition", sent.group(2)).isIn(null, Integer.parseInt(sent.group(1)));
            }
            Matcher why = EXPLAINED.matcher(line);
            if (why.matches()) {
                explainedLines++;
                assertThat(why.group(3)).as("no mismatch note: " + line).isEmpty();
                explained.put(why.group(1), Integer.parseInt(why.group(2)));
            }
        }
        assertThat(sentLines).isEqualTo(1_000);
        assertThat(explainedLines).isEqualTo(1_000);
        assertThat(explained).isEqualTo(reported);
        assertThat(reported.values()).as("keys spread over the three partitions").containsAll(List.of(0, 1, 2));
    }

    @Test
    void acksAllOnOneCopySaysLosingTheBrokerLosesTheData() {
        String topic = "explain-rf1-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        String out = produce(TestKafka.bootstrapServers(), topic, 2)[0];

        assertThat(out.lines().findFirst()).hasValue("acks=all: this topic has 1 replica(s) - the leader answers once "
                + "every in-sync replica (at least 1) has the event. Lose one broker and the data may be lost.");
        assertThat(out).contains("no key → the built-in partitioner keeps one partition (0) until a batch is full (sticky)");
    }

    /**
     * min.insync.replicas above the replica count: Kafka caps it at the replica count (Partition.effectiveMinIsr),
     * so the acks=all sends succeed, and the line says so instead of "no send can ever succeed".
     */
    @Test
    void minInsyncAboveTheReplicaCountIsCappedAndTheSendsSucceed() throws Exception {
        String topic = "explain-minisr-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("min.insync.replicas", "2"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        String out = produce(TestKafka.bootstrapServers(), topic, 2)[0]; // exit 0: both acks=all sends succeeded

        assertThat(out.lines().findFirst()).hasValue("acks=all: this topic has 1 replica(s) - the leader answers once "
                + "every in-sync replica (at least 1) has the event. min.insync.replicas=2 is above the replica count: "
                + "Kafka caps it at 1. Lose one broker and the data may be lost.");
        assertThat(out.lines().filter(line -> line.startsWith("Message sent successfully"))).hasSize(2);
        assertThat(out).doesNotContain("can ever succeed");
    }
}
