package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The two programs against a real broker, each test on its own topic and group. */
class ProducerConsumerIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern SENDING = Pattern.compile(
            "메시지 전송: \\{'user_id': (\\d+), 'action': '(\\w+)', 'timestamp': [\\d.]+(?:, 'amount': (\\d+))?}");
    private static final Pattern SENT = Pattern.compile("메시지 전송 성공 - 토픽: (\\S+), 파티션: (\\d+), 오프셋: (\\d+)");
    private static final Pattern RECEIVED = Pattern.compile(
            "======= 새 메시지 수신 \\(파티션: (\\d+), 오프셋: (\\d+)\\) =======\\n(.+)\\n\\n");

    private final Lines korean = new Lines(Language.ko);

    private static String[] args(String topic, String... more) {
        List<String> all = new ArrayList<>(List.of(TestKafka.bootstrapArgs("--topic", topic)));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void whatTheProducerReportsIsWhatTheConsumerPrints(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        TestKafka.createTopic(topic, 1);
        ProgramRun consumer = ProgramRun.consumer(args(topic, "--group", topic, "--max-messages", "5"));
        ProgramRun producer = ProgramRun.producer(args(topic, "--max-messages", "5", "--interval", "100ms", "--seed", "7"));

        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();

        // The producer's lines, in the tutorial's format: what it sent, and where each event landed.
        List<UserActivity> sent = new ArrayList<>();
        Matcher sending = SENDING.matcher(producer.out());
        while (sending.find()) {
            sent.add(new UserActivity(Long.parseLong(sending.group(1)), sending.group(2), 0,
                    sending.group(3) == null ? null : Long.valueOf(sending.group(3))));
        }
        List<String> landed = new ArrayList<>();
        Matcher acknowledged = SENT.matcher(producer.out());
        while (acknowledged.find()) {
            assertThat(acknowledged.group(1)).isEqualTo(topic);
            landed.add(acknowledged.group(2) + "/" + acknowledged.group(3));
        }
        assertThat(sent).hasSize(5);
        assertThat(landed).containsExactly("0/0", "0/1", "0/2", "0/3", "0/4");
        assertThat(producer.err()).contains("프로듀서 종료 - 전송: 5, 성공: 5, 실패: 0");

        // The consumer printed each event at the partition and offset the callback reported.
        List<String> printedAt = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        Matcher received = RECEIVED.matcher(consumer.out());
        while (received.find()) {
            printedAt.add(received.group(1) + "/" + received.group(2));
            sentences.add(received.group(3));
        }
        assertThat(printedAt).isEqualTo(landed);
        assertThat(sentences).isEqualTo(sent.stream().map(korean::describe).toList());
        assertThat(consumer.out()).isEqualTo(String.join("", received.reset().results().map(r -> r.group()).toList()));
        assertThat(consumer.err()).contains("컨슈머 종료 - 처리한 메시지: 5, 건너뛴 메시지: 0");
    }

    @Test
    void aConsumerStartedAfterTheProducerReadsFromTheEarliestOffset(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        ProgramRun producer = ProgramRun.producer(args(topic, "--max-messages", "3", "--interval", "0", "--lang", "en"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        assertThat(producer.out()).contains("Message sent successfully - topic: " + topic + ", partition: 0, offset: 2");

        ProgramRun consumer = ProgramRun.consumer(args(topic, "--group", topic, "--max-messages", "3", "--timeout-ms", "30000", "--lang", "en"));
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        assertThat(consumer.out()).contains(
                "======= New message received (partition: 0, offset: 0) =======",
                "======= New message received (partition: 0, offset: 1) =======",
                "======= New message received (partition: 0, offset: 2) =======");
        assertThat(consumer.err()).contains("Consumer stopped - processed: 3, skipped: 0");
    }

    @Test
    void stoppingAtMaxMessagesCommitsExactlyWhatWasPrinted(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        ProgramRun producer = ProgramRun.producer(args(topic, "--max-messages", "10", "--interval", "0"));
        assertThat(producer.awaitExit(LIMIT)).isZero();

        // All ten arrive in one fetch; the first run stops after four of them.
        ProgramRun first = ProgramRun.consumer(args(topic, "--group", topic, "--max-messages", "4"));
        assertThat(first.awaitExit(LIMIT)).isZero();
        ProgramRun second = ProgramRun.consumer(args(topic, "--group", topic, "--max-messages", "6", "--timeout-ms", "30000"));
        assertThat(second.awaitExit(LIMIT)).isZero();

        assertThat(offsetsPrinted(first.out())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(offsetsPrinted(second.out())).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aMalformedRecordIsReportedWithPartitionAndOffsetAndSkipped(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        TestKafka.createTopic(topic, 1);
        byte[] valid = "{\"user_id\": 123, \"action\": \"login\", \"timestamp\": 1646092800.0}".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            raw.send(new ProducerRecord<>(topic, valid));                                            // 0
            raw.send(new ProducerRecord<>(topic, "not json".getBytes(StandardCharsets.UTF_8)));     // 1
            raw.send(new ProducerRecord<>(topic, null));                                             // 2
            raw.send(new ProducerRecord<>(topic, "{\"user_id\": \"x\"}".getBytes(StandardCharsets.UTF_8))); // 3
            raw.send(new ProducerRecord<>(topic, new byte[] {(byte) 0xff, 0, 1}));                    // 4
            raw.send(new ProducerRecord<>(topic, valid));                                            // 5
            raw.flush();
        }

        ProgramRun consumer = ProgramRun.consumer(args(topic, "--group", topic, "--max-messages", "2", "--timeout-ms", "30000"));
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();

        assertThat(offsetsPrinted(consumer.out())).containsExactly(0L, 5L);
        List<String> skipped = consumer.err().lines().filter(l -> l.startsWith("잘못된 메시지를 건너뜁니다")).toList();
        assertThat(skipped).hasSize(4);
        assertThat(skipped.get(0)).startsWith("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 1): ").endsWith("| 값: \"not json\"");
        assertThat(skipped.get(1)).startsWith("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 2): ").endsWith("| 값: null");
        assertThat(skipped.get(2)).startsWith("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 3): ");
        assertThat(skipped.get(3)).startsWith("잘못된 메시지를 건너뜁니다 (파티션: 0, 오프셋: 4): ").endsWith("| 값: \"\uFFFD\\x00\\x01\"");
        assertThat(consumer.err()).contains("컨슈머 종료 - 처리한 메시지: 2, 건너뛴 메시지: 4").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableBrokerEndsEachProgramWithin15SecondsNamingTheAddress() throws Exception {
        String nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = "localhost:" + socket.getLocalPort(); // free now, and nothing listens there after close
        }
        for (ProgramRun.Program program : List.<ProgramRun.Program>of(UserActivityProducer::run, UserActivityConsumer::run)) {
            long start = System.nanoTime();
            ProgramRun run = ProgramRun.start(program, "--bootstrap-server", nobody, "--topic", "t");
            int code = run.awaitExit(Duration.ofSeconds(30));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(code).isEqualTo(1);
            assertThat(took).isLessThan(Duration.ofSeconds(15));
            assertThat(run.err()).contains("브로커에 연결할 수 없습니다: " + nobody, "docker-compose up -d")
                    .doesNotContain("\tat ", "Exception");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void kafkasLogsStayHiddenUnlessVerbose(TestInfo test) throws Exception {
        // A process of its own: the logging level is fixed when a JVM logs for the first time.
        String topic = TopicFixture.uniqueName(test);
        Shell shell = new Shell(Path.of("").toAbsolutePath(), Map.of());
        String producer = "java -jar target/user-activity-kafka.jar producer --max-messages 1 --interval 0 "
                + "--bootstrap-server " + TestKafka.bootstrapServers() + " --topic " + topic;

        Shell.Result quiet = shell.run(producer, LIMIT);
        assertThat(quiet.code()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).doesNotContain("INFO").contains("프로듀서 종료 - 전송: 1, 성공: 1, 실패: 0");

        Shell.Result verbose = shell.run(producer + " --verbose", LIMIT);
        assertThat(verbose.code()).as(verbose.toString()).isZero();
        assertThat(verbose.err()).contains("INFO", "ProducerConfig values");
        // stdout keeps only the tutorial's two lines either way
        assertThat(verbose.out().lines()).hasSize(2).allMatch(l -> l.startsWith("메시지 전송"));
    }

    private static List<Long> offsetsPrinted(String out) {
        return RECEIVED.matcher(out).results().map(r -> Long.parseLong(r.group(2))).toList();
    }
}
