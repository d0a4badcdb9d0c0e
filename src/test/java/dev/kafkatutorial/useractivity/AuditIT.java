package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * consumer --audit and --explain against a real broker: a range of events deleted before the group read them
 * is reported as exactly that gap, and the commits --explain prints are the group's committed offsets.
 */
class AuditIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    private static final Pattern COMMIT = Pattern.compile("커밋: 파티션 (\\d+) → 오프셋 (\\d+) \\(다음에 읽을 메시지\\)");

    @Test
    void eventsDeletedBeforeTheGroupReadThemAreReportedAsExactlyThatGap() throws Exception {
        String topic = "audit-gap-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        Path file = dir.resolve("group.ids");
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic,
                "--interval", "0", "--max-messages", "300", "--output", "json"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        String firstId = Figures.Sends.of(producer.out()).acknowledged().iterator().next();
        String run = firstId.substring(0, firstId.lastIndexOf('-'));

        String[] consumer = TestKafka.bootstrapArgs("--topic", topic, "--group", topic,
                "--output", "json", "--audit", "--audit-file", file.toString(), "--max-messages", "100");
        ProgramRun first = ProgramRun.consumer(consumer);
        assertThat(first.awaitExit(LIMIT)).as(first.err()).isZero();
        // One partition, one producer run: sequence n is at offset n. Offsets 100-199 go before the group reads them.
        try (Admin admin = admin()) {
            assertThat(committed(admin, topic)).containsEntry(partition, 100L);
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(200))).all().get(30, TimeUnit.SECONDS);
        }

        String[] restarted = java.util.stream.Stream.concat(java.util.Arrays.stream(consumer),
                java.util.stream.Stream.of("--explain")).toArray(String[]::new);
        ProgramRun second = ProgramRun.consumer(restarted); // committed 100 is gone: earliest, 200
        assertThat(second.awaitExit(LIMIT)).as(second.err()).isZero();
        assertThat(second.err()).as(second.err())
                .contains("감사: 빈 번호 - 프로듀서 실행 " + run + "의 순번 100-199을(를) 아직 못 읽었습니다")
                .contains("  " + run + ": 받음 200, 중복 0, 빠짐 100 (100-199), 순서 바뀜 0")
                .contains("설명: 파티션 0의 커밋 오프셋 100은(는) 이미 삭제되었습니다 (로그 시작 200): "
                        + "auto.offset.reset=earliest에 따라 시작합니다")
                .doesNotContain("\tat ");
    }

    @Test
    void explainsCommitsAsTheGroupsCommittedOffsets() throws Exception {
        String topic = "explain-" + System.nanoTime();
        TestKafka.createTopic(topic, 3);
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic,
                "--interval", "0", "--max-messages", "300", "--key", "user_id", "--output", "json"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();

        ProgramRun consumer = ProgramRun.consumer(TestKafka.bootstrapArgs("--topic", topic,
                "--group", topic, "--output", "json", "--explain", "--max-messages", "250", "--manual-commit"));
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();

        String err = consumer.err();
        assertThat(err).as(err).containsPattern("설명: 그룹 " + topic + " 세대 \\d+, 이 멤버 \\S+, 할당 전략 \\S+");
        for (int p = 0; p < 3; p++) {
            assertThat(err).contains("설명: 파티션 " + p + "은(는) 커밋이 없어 auto.offset.reset=earliest에 따라 시작합니다");
        }
        Map<TopicPartition, Long> lastCommitLine = new HashMap<>();
        Matcher m = COMMIT.matcher(err);
        while (m.find()) {
            lastCommitLine.put(new TopicPartition(topic, Integer.parseInt(m.group(1))), Long.parseLong(m.group(2)));
        }
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> committed = committed(admin, topic);
            assertThat(committed.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(250);
            assertThat(lastCommitLine).isEqualTo(committed);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .forEach((tp, offset) -> offsets.put(tp, offset.offset()));
        return offsets;
    }
}
