package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.consumer.Audit;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.consumer.LineOutput;
import dev.kafkatutorial.useractivity.consumer.ReaderProbe;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockShareConsumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The share-group reader's own loop on Kafka's MockShareConsumer: what it answers for each record, and when. */
class ShareConsumerLoopTest {

    private static final byte[] LOGIN = "{\"user_id\": 123, \"action\": \"login\", \"timestamp\": 1700000000.0}"
            .getBytes(StandardCharsets.UTF_8);

    /** MockShareConsumer keeps no record of acknowledgements: this one does, with what was printed by then. */
    private static final class Recording extends MockShareConsumer<String, byte[]> {
        final List<String> answers = new ArrayList<>();
        ByteArrayOutputStream out;

        Recording() {
            subscribe(List.of("user_activity")); // the mock takes records only for a topic subscribed to
        }

        @Override
        public synchronized void acknowledge(ConsumerRecord<String, byte[]> record, AcknowledgeType type) {
            answers.add(record.offset() + " " + type.name() + " after " + (out == null ? 0 : out.size()) + " bytes");
            super.acknowledge(record, type);
        }
    }

    private static int run(Recording consumer, OutputStream out, ByteArrayOutputStream err, String... args) {
        ConsumerOptions options = CommandLine.populateCommand(new ConsumerOptions(), args);
        LineOutput output = new LineOutput(new PrintStream(out, true, StandardCharsets.UTF_8), ReaderProbe.NONE);
        return new UserActivityShareConsumer(consumer, options, output, new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> null, Audit.OFF).run();
    }

    /** As a share consumer gets it from the broker: with its delivery count (the first delivery). */
    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>("user_activity", 0, offset, 0L, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0, value.length, null, value, new org.apache.kafka.common.header.internals.RecordHeaders(),
                java.util.Optional.empty(), java.util.Optional.of((short) 1));
    }

    @Test
    void eachEventIsAcceptedOnlyOnceItsLineIsWrittenAndAMalformedOneIsRejected() {
        Recording consumer = new Recording();
        consumer.out = new ByteArrayOutputStream();
        consumer.addRecord(record(0, LOGIN));
        consumer.addRecord(record(1, "{not json".getBytes(StandardCharsets.UTF_8)));
        consumer.addRecord(record(2, LOGIN));
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(consumer, consumer.out, err, "--share-group", "q", "--timeout-ms", "200", "--lang", "en");

        assertThat(exit).isZero();
        assertThat(consumer.answers).containsExactly("1 REJECT after 0 bytes",
                "0 ACCEPT after " + consumer.out.size() + " bytes", "2 ACCEPT after " + consumer.out.size() + " bytes");
        assertThat(consumer.out.toString(StandardCharsets.UTF_8)).contains("(partition: 0, offset: 2, delivery: 1)")
                .doesNotContain("offset: 1,");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("(rejected: the broker archives it")
                .contains("processed: 2, rejected: 1, released: 0");
    }

    @Test
    void whatMaxMessagesLeavesOfABatchIsReleasedForAnotherMember() {
        Recording consumer = new Recording();
        for (long offset = 0; offset < 3; offset++) {
            consumer.addRecord(record(offset, LOGIN));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(consumer, out, err, "--share-group", "q", "--max-messages", "1", "--lang", "en")).isZero();

        assertThat(consumer.answers).extracting(a -> a.substring(0, a.indexOf(" after")))
                .containsExactlyInAnyOrder("0 ACCEPT", "1 RELEASE", "2 RELEASE");
    }

    @Test
    void linesThatCannotBeWrittenAreReleasedNotAccepted() {
        Recording consumer = new Recording();
        consumer.addRecord(record(0, LOGIN));
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(consumer, broken, err, "--share-group", "q", "--timeout-ms", "200", "--lang", "en");

        assertThat(exit).isEqualTo(1);
        assertThat(consumer.answers).extracting(a -> a.substring(0, a.indexOf(" after"))).containsExactly("0 RELEASE");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("released: another member");
    }
}
