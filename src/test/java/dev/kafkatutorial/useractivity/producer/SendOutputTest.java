package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Where each event's lines go: --explain's beside the tutorial's on stdout, or on stderr beside JSON lines. */
class SendOutputTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ProducerOptions options;

    private SendOutput output(String... args) {
        options = CommandLine.populateCommand(new ProducerOptions(), args);
        ProducerLines lines = new ProducerLines(Language.en);
        return new SendOutput(options, lines, EventIdHeader.forNewRun("run1", List.of()), new Explain(lines, () -> 3),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static RecordMetadata landed(int partition, long offset) {
        return new RecordMetadata(new TopicPartition("t", partition), offset, 0, 0L, 3, 60);
    }

    @Test
    void withOutputJsonTheExplanationGoesToStderrAndStdoutHoldsJsonOnly() {
        SendOutput output = output("--output", "json", "--explain", "--key", "user_id");
        int partition = org.apache.kafka.common.utils.Utils.toPositive(
                org.apache.kafka.common.utils.Utils.murmur2("123".getBytes(StandardCharsets.UTF_8))) % 3;

        assertThat(output.sending(new UserActivity(123, "login", 1.0, null))).isTrue(); // reads the partition count
        assertThat(output.acknowledged(0, "123", landed(partition, 7), null)).isTrue();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"event_id\":\"run1-0\",\"status\":\"acknowledged\","
                + "\"topic\":\"t\",\"partition\":" + partition + ",\"offset\":7}\n");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("key 123 → murmur2 hash % 3 partitions = partition " + partition + "\n");
    }

    @Test
    void withTextTheExplanationFollowsTheSuccessLineOnStdout() {
        SendOutput output = output("--explain");

        output.acknowledged(0, null, landed(1, 4), null);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Message sent successfully - topic: t, partition: 1, offset: 4\n"
                        + "no key → the built-in partitioner keeps one partition (1) until a batch is full (sticky)\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theStartLineGoesWhereTheExplanationsGo() {
        // A setting the Admin client refuses at once: the acks line says it cannot read the topic, without a broker.
        SendOutput output = output("--output", "json", "--explain", "--command-property", "request.timeout.ms=soon");

        output.started(new ProducerSettings(options), "t");

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("acks=all: cannot read the topic's replication - ");
    }
}
