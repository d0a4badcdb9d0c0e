package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The tutorial's own client, kafka-python, and these programs read each other's records: the wire format is
 * the tutorial's. Needs Debian's python3-kafka under Debian's own /usr/bin/python3 (CI installs it).
 */
class PythonInteropIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String PYTHON = "/usr/bin/python3";
    private static Shell shell;

    @BeforeAll
    static void needsKafkaPython() throws Exception {
        shell = new Shell(Path.of("").toAbsolutePath(), Map.of());
        Assumptions.assumeTrue(shell.run(PYTHON + " -c 'import kafka'", LIMIT).code() == 0,
                "kafka-python is not installed: apt-get install python3-kafka");
    }

    @Test
    void whatKafkaPythonSendsTheJavaConsumerPrints(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        String events = String.join("\\n",
                "{\"user_id\": 123, \"action\": \"login\", \"timestamp\": 1646092800.0}",
                "{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800, \"amount\": 500}",
                "{\"user_id\": 7, \"action\": \"dance\", \"timestamp\": 1.5, \"device\": \"ios\"}");
        Shell.Result python = shell.run("printf '" + events + "\\n' | " + PYTHON + " src/test/python/python_producer.py "
                + TestKafka.bootstrapServers() + " " + topic, LIMIT);
        assertThat(python.code()).as(python.toString()).isZero();
        assertThat(python.out()).contains("메시지 전송 성공 - 토픽: " + topic + ", 파티션: 0, 오프셋: 2");

        ProgramRun consumer = ProgramRun.consumer(TestKafka.bootstrapArgs("--topic", topic,
                "--group", topic, "--max-messages", "3"));
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        assertThat(consumer.out()).isEqualTo("""
                ======= 새 메시지 수신 (파티션: 0, 오프셋: 0) =======
                🟢 사용자 123가 로그인했습니다.

                ======= 새 메시지 수신 (파티션: 0, 오프셋: 1) =======
                💰 사용자 456가 500원 결제했습니다.

                ======= 새 메시지 수신 (파티션: 0, 오프셋: 2) =======
                ❔ 사용자 7가 알 수 없는 활동(dance)을 했습니다.

                """);
    }

    @Test
    void whatTheJavaProducerSendsKafkaPythonReadsAsTheTutorialsDicts(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic,
                "--max-messages", "20", "--interval", "0", "--seed", "4"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        List<String> printed = producer.out().lines().filter(l -> l.startsWith("메시지 전송: ")).toList();
        assertThat(printed).hasSize(20);

        Shell.Result python = shell.run(PYTHON + " src/test/python/python_consumer.py " + TestKafka.bootstrapServers()
                + " " + topic + " " + topic + " 20", LIMIT);
        assertThat(python.code()).as(python.toString()).isZero();
        // Python's own print of each dict is the line our producer printed, character for character...
        assertThat(python.out().lines().filter(l -> l.startsWith("메시지 전송: "))).containsExactlyElementsOf(printed);
        // ...and each record's bytes are what Python's json.dumps writes for it.
        assertThat(python.out().lines().filter(l -> l.startsWith("json.dumps: ")))
                .hasSize(20).containsOnly("json.dumps: True");
    }
}
