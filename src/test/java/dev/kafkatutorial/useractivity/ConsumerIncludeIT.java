package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
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
            produce(topic, 2);
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

    /**
     * A topic created while {@code --include} reads is read within seconds (metadata.max.age.ms 5 s, not Kafka's
     * 5 minutes), and the rebalance it brings moves no partition already read: {@code --last 3} positions each
     * partition on its first assignment only (it used to print the first topic's last 3 again). The assignment
     * and lag lines name each partition with its topic.
     */
    @Test
    void aNewMatchingTopicIsReadSoonAndNothingIsPrintedTwice() throws Exception {
        String prefix = "lastdemo-" + System.nanoTime();
        String a = prefix + "-a";
        String b = prefix + "-b";
        TestKafka.createTopic(a, 1);
        produce(a, 20);
        ProgramRun consumer = ProgramRun.stoppableConsumer(TestKafka.bootstrapArgs(
                "--include", Pattern.quote(prefix) + "-.*", "--last", "3", "--output", "json"));
        consumer.awaitOutLines(3, LIMIT);

        TestKafka.createTopic(b, 1);
        produce(b, 5);
        await().atMost(LIMIT).until(() -> consumer.err().contains(b + "-0"));
        produce(a, 2); // offsets 20 and 21, read after the rebalance
        await().atMost(LIMIT).ignoreExceptions() // a line half written is no JSON yet
                .until(() -> offsets(consumer, a).contains(21L) && offsets(consumer, b).contains(4L));
        consumer.stop();
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();

        List<String> printed = JsonLines.parse(consumer.out()).stream()
                .map(line -> line.get("topic").asText() + "/" + line.get("offset").asLong()).toList();
        assertThat(printed).as(consumer.err()).doesNotHaveDuplicates();
        assertThat(offsets(consumer, a)).containsExactly(17L, 18L, 19L, 20L, 21L);
        List<Long> fromB = offsets(consumer, b); // its last 3 when it was assigned, and any written after
        assertThat(fromB).isNotEmpty().endsWith(4L);
        assertThat(fromB.get(fromB.size() - 1) - fromB.get(0)).isEqualTo(fromB.size() - 1); // none skipped
        assertThat(consumer.err()).contains("======= 파티션 할당: " + a + "-0 =======",
                "파티션 " + a + "-0: 위치 17, 끝 20, 남은 메시지 3",
                "======= 파티션 할당: " + a + "-0, " + b + "-0 =======");
    }

    @Test
    void badValuesExit2NamingTheOption() throws Exception {
        assertUsageError("--include", "--topic", "t", "--include", "t.*");
        assertUsageError("--include", "--include", "(unclosed");
        assertUsageError("--include", "--include", ""); // Kafka refuses it too, but at run time in its own words
        assertUsageError("--partition", "--include", "t.*", "--partition", "0");
    }

    @Test
    void noBrokerIsOneLineNotAHang() throws Exception {
        // no partitionsFor(topic) to fail fast on: a bounded listTopics() does it
        ProgramRun run = ProgramRun.consumer("--bootstrap-server", "localhost:1", "--include", "t.*");
        assertThat(run.awaitExit(LIMIT)).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("localhost:1").doesNotContain("\tat ");
    }

    private static void produce(String topic, int events) throws InterruptedException {
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic, "--interval", "0",
                "--max-messages", String.valueOf(events), "--quiet"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
    }

    /** The offsets of {@code topic} the consumer printed so far, in order. */
    private static List<Long> offsets(ProgramRun consumer, String topic) {
        return JsonLines.parse(consumer.out()).stream().filter(line -> line.get("topic").asText().equals(topic))
                .map(line -> line.get("offset").asLong()).toList();
    }

    private static void assertUsageError(String named, String... args) throws InterruptedException {
        ProgramRun run = ProgramRun.consumer(args);
        assertThat(run.awaitExit(LIMIT)).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).as(run.err()).singleElement().asString().contains(named);
        assertThat(run.err()).doesNotContain("\tat ");
    }
}
