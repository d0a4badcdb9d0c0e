package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Issue 10, the producer: --rate and --duration, the perf-test figures, --header, on a real broker. */
class ProducerRateIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern SUMMARY = Pattern.compile(
            "프로듀서 종료 - 전송: (\\d+), 성공: (\\d+), 실패: (\\d+), 초당 [\\d.]+건, "
                    + "지연\\(ms\\) 평균 [\\d.]+, p50 [\\d.]+, p95 [\\d.]+, p99 [\\d.]+, 최대 [\\d.]+");
    private static final Pattern PROGRESS = Pattern.compile(
            "진행 - 전송: \\d+, 성공: \\d+ \\(초당 \\d+건\\), 지연\\(ms\\) 평균 [\\d.]+, p50 [\\d.]+, p95 [\\d.]+, "
                    + "p99 [\\d.]+, 최대 [\\d.]+");

    @Test
    void rate200For3sSendsAbout600AndReportsThePercentiles(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        TestKafka.createTopic(topic, 1);
        long started = System.nanoTime();
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic,
                "--rate", "200", "--duration", "3s", "--quiet"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Matcher summary = SUMMARY.matcher(producer.err());
        assertThat(summary.find()).as(producer.err()).isTrue();
        long sent = Long.parseLong(summary.group(1));
        System.out.println("FIGURES --rate 200 --duration 3s: " + summary.group() + " in " + took.toMillis() + " ms");
        assertThat(sent).isBetween(540L, 660L); // 600 ± 10%
        assertThat(Long.parseLong(summary.group(2))).isEqualTo(sent);
        assertThat(Long.parseLong(summary.group(3))).isZero();
        assertThat(PROGRESS.matcher(producer.err()).find()).as(producer.err()).isTrue();
        assertThat(producer.out()).isEmpty();
    }

    @Test
    void everyEventCarriesTheGivenHeadersBesideItsEventId(TestInfo test) throws Exception {
        String topic = TopicFixture.uniqueName(test);
        TestKafka.createTopic(topic, 1);
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic,
                "--max-messages", "5", "--interval", "0", "--header", "source=demo", "--header", "팀=데이터"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();

        List<Map<String, String>> read = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (read.size() < 5 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                    }
                    read.add(headers);
                    eventIds.add(headers.get(EventIdHeader.NAME));
                }
            }
        }
        assertThat(read).hasSize(5);
        assertThat(eventIds).hasSize(5).doesNotContainNull();
        assertThat(read).allSatisfy(headers -> assertThat(headers)
                .containsEntry("source", "demo").containsEntry("팀", "데이터").hasSize(3));
    }
}
