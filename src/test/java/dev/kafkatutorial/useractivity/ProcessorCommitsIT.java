package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Where the processor leaves its group's committed offsets (issue 22, items 9 and 19): past a trailing commit
 * marker, so a caught-up processor has lag 0; past a malformed last record, so a restart does not report it again.
 */
class ProcessorCommitsIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String SKIPPED = "잘못된 메시지를 건너뜁니다";

    @Test
    void aCaughtUpProcessorOfTransactionalInputHasLagZero() throws Exception {
        String input = topics("processor-marker");
        String output = output(input);
        String bootstrap = TestKafka.bootstrapServers();
        // 4 transactions of 5: 20 events and 4 commit markers, the last marker the partition's last offset.
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", bootstrap, "--topic", input, "--interval", "0",
                "--max-messages", "20", "--transactional-id", input, "--transaction-size", "5", "--quiet");
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();

        try (JarProcess processor = processor(bootstrap, input, output)) {
            await().atMost(LIMIT).until(() -> TransactionalReads.committedEvents(processor.out()) >= 20
                    || !processor.isAlive());
            SortedMap<Integer, Long> lag = GroupLag.awaitZero(bootstrap, input, input, Duration.ofSeconds(30));

            assertThat(lag).as("committed at the log end, after the last marker\n" + processor.err())
                    .isEqualTo(Map.of(0, 0L));
            assertThat(new HashSet<>(EventIds.inTopic(bootstrap, output, "read_committed", LIMIT))).hasSize(20);
        }
    }

    @Test
    void aMalformedLastRecordIsCommittedPastAndNotReportedAgainAfterARestart() throws Exception {
        String input = topics("processor-pill");
        String output = output(input);
        String bootstrap = TestKafka.bootstrapServers();
        produce(bootstrap, input, 5);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            raw.send(new ProducerRecord<>(input, "not json".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }

        SortedMap<Integer, Long> lag;
        try (JarProcess first = processor(bootstrap, input, output)) {
            await().atMost(LIMIT).until(() -> (TransactionalReads.committedEvents(first.out()) >= 5
                    && first.err().contains(SKIPPED)) || !first.isAlive());
            lag = GroupLag.awaitZero(bootstrap, input, input, Duration.ofSeconds(30));
            first.terminate(Duration.ofSeconds(40));
            assertThat(first.err().lines().filter(l -> l.startsWith(SKIPPED))).as(first.err()).hasSize(1);
        }
        assertThat(lag).as("committed past the malformed record").isEqualTo(Map.of(0, 0L));

        // One more event after it: once the restarted processor has passed it on, it has read all it will read.
        produce(bootstrap, input, 1);
        try (JarProcess second = processor(bootstrap, input, output)) {
            await().atMost(LIMIT).until(() -> TransactionalReads.committedEvents(second.out()) >= 1
                    || !second.isAlive());
            assertThat(second.err()).as("not reported again").doesNotContain(SKIPPED);
        }
        List<String> committed = EventIds.inTopic(bootstrap, output, "read_committed", LIMIT);
        assertThat(committed).hasSize(6).doesNotHaveDuplicates();
    }

    /** A new input topic of one partition, and its output's; returns the input's name. */
    private static String topics(String prefix) {
        String input = prefix + "-in-" + System.nanoTime();
        TestKafka.createTopic(input, 1);
        TestKafka.createTopic(output(input), 1);
        return input;
    }

    private static String output(String input) {
        return input.replace("-in-", "-out-");
    }

    private static JarProcess processor(String bootstrap, String input, String output) {
        return JarProcess.start("processor", "--bootstrap-server", bootstrap, "--topic", input, "--output-topic", output,
                "--group", input);
    }

    private static void produce(String bootstrap, String topic, int events) throws InterruptedException {
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", bootstrap, "--topic", topic, "--interval", "0",
                "--max-messages", String.valueOf(events), "--quiet");
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
    }
}
