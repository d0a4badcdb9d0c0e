package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --include REGEX}: a subscription by pattern reads every matching topic and each banner names its topic. */
class ConsumerIncludeIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void readsEveryMatchingTopicAndNamesIt() throws Exception {
        String prefix = "include-" + System.nanoTime();
        List<String> topics = List.of(prefix + "-a", prefix + "-b");
        for (String topic : topics) {
            TestKafka.createTopic(topic, 1);
            ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic, "--interval", "0", "--max-messages", "2", "--quiet"));
            assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        }
        TestKafka.createTopic(prefix + "-other-c", 1); // matches the prefix, not the pattern: never read

        ProgramRun consumer = ProgramRun.consumer(TestKafka.bootstrapArgs("--include", prefix.replace("-", "\\-") + "-[ab]", "--from-beginning", "--to-end"));
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();

        List<String> banners = consumer.out().lines().filter(line -> line.startsWith("=======")).sorted().toList();
        assertThat(banners).containsExactly(
                "======= 새 메시지 수신 (토픽: " + topics.get(0) + ", 파티션: 0, 오프셋: 0) =======",
                "======= 새 메시지 수신 (토픽: " + topics.get(0) + ", 파티션: 0, 오프셋: 1) =======",
                "======= 새 메시지 수신 (토픽: " + topics.get(1) + ", 파티션: 0, 오프셋: 0) =======",
                "======= 새 메시지 수신 (토픽: " + topics.get(1) + ", 파티션: 0, 오프셋: 1) =======");
        assertThat(consumer.err()).contains("컨슈머 종료 - 처리한 메시지: 4, 건너뛴 메시지: 0");
    }

    @Test
    void badValuesExit2NamingTheOption() throws Exception {
        assertUsageError("--include", "--topic", "t", "--include", "t.*");
        assertUsageError("--include", "--include", "(unclosed");
        assertUsageError("--partition", "--include", "t.*", "--partition", "0");
    }

    @Test
    void noBrokerIsOneLineNotAHang() throws Exception {
        // no partitionsFor(topic) to fail fast on: a bounded listTopics() does it
        ProgramRun run = ProgramRun.consumer("--bootstrap-server", "localhost:1", "--include", "t.*");
        assertThat(run.awaitExit(LIMIT)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("localhost:1").doesNotContain("\tat ");
    }

    private static void assertUsageError(String named, String... args) throws InterruptedException {
        ProgramRun run = ProgramRun.consumer(args);
        assertThat(run.awaitExit(LIMIT)).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(run.err()).singleElement().asString().contains(named);
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
