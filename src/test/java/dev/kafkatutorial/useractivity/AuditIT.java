package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * consumer --audit and --explain against a real broker: a range of events deleted before the group read them
 * is reported as exactly that range; members of one group, and one-off reads from --last or an offset, count
 * missing only within what each was meant to read; a one-off read leaves no file; and the commits --explain
 * prints are the group's committed offsets.
 */
class AuditIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;

    private static final Pattern COMMIT = Pattern.compile("커밋: 파티션 (\\d+) → 오프셋 (\\d+) \\(다음에 읽을 메시지\\)");
    private static final Pattern ASSIGNED = Pattern.compile("======= 파티션 할당: ([\\d, ]+|없음) =======");
    private static final int MEMBERS_EVENTS = 3_000;

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

        String[] restarted = Stream.concat(Arrays.stream(consumer), Stream.of("--explain")).toArray(String[]::new);
        ProgramRun second = ProgramRun.consumer(restarted); // committed 100 is gone: earliest, 200
        assertThat(second.awaitExit(LIMIT)).as(second.err()).isZero();
        assertThat(second.err()).as(second.err())
                .contains("감사: 빠짐 - 파티션 0의 오프셋 100-199은(는) 읽기 전에 삭제되었습니다")
                .contains("  " + run + ": 받음 100, 중복 0, 순서 바뀜 0")
                .contains("감사: 빠짐 100 - 이 멤버가 읽기로 한 범위: 파티션 0 오프셋 100-299 (빠짐 100-199)")
                .contains("설명: 파티션 0의 커밋 오프셋 100은(는) 이미 삭제되었습니다 (로그 시작 200): "
                        + "auto.offset.reset=earliest에 따라 시작합니다")
                .doesNotContain("\tat ");
    }

    /**
     * Exercise 3's set-up: three members of one group, a partition each, then the events. Each member answers for
     * its own partition only, so none reports events the others read as missing, and together they read all.
     */
    @Test
    void threeMembersOfOneGroupEachMissNothingAndTogetherReadEveryEvent() throws Exception {
        String topic = "audit-members-" + System.nanoTime();
        TestKafka.createTopic(topic, 3);
        String[] member = TestKafka.bootstrapArgs("--topic", topic, "--group", topic, "--output", "json",
                "--audit", "--audit-file", dir.resolve("group.ids").toString());
        List<ProgramRun> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(ProgramRun.stoppableConsumer(member));
        }
        await().atMost(LIMIT).until(() -> members.stream().map(m -> lastAssignment(m.err())).distinct()
                .filter(partitions -> partitions.size() == 1).count() == 3);
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic, "--interval", "0",
                "--max-messages", String.valueOf(MEMBERS_EVENTS), "--key", "user_id", "--output", "json"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        Set<String> acknowledged = Figures.Sends.of(producer.out()).acknowledged();
        await().atMost(LIMIT).until(() -> members.stream().mapToLong(ProgramRun::outLines).sum() >= MEMBERS_EVENTS);
        // each member's own partition, before the first to stop hands its partition to the others
        List<Integer> partitions = members.stream().map(m -> lastAssignment(m.err()).get(0)).toList();

        Set<String> readByAll = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            ProgramRun m = members.get(i);
            m.stop();
            assertThat(m.awaitExit(LIMIT)).as(m.err()).isZero();
            int partition = partitions.get(i);
            List<String> ids = EventIds.inJsonLines(m.out());
            assertThat(m.err()).as(m.err()).doesNotContainPattern("빠짐 [1-9]")
                    .contains("감사: 빠짐 0 - 이 멤버가 읽기로 한 범위: ")
                    .contains("파티션 " + partition + " 오프셋 0-" + (ids.size() - 1))
                    // the audit asks nothing of the consumer that would change what it knows of the ends
                    .contains(", 남은 메시지: 0");
            readByAll.addAll(ids);
        }
        assertThat(acknowledged).hasSize(MEMBERS_EVENTS);
        assertThat(readByAll).isEqualTo(acknowledged);
    }

    /**
     * {@code --last 2} and {@code --partition 1 --offset -2}: what is before the start is nobody's to read, so not
     * missing; and a one-off read without --group leaves no record file behind (the cache is a directory of the
     * test's own, through XDG_CACHE_HOME).
     */
    @Test
    void oneOffReadsMissNothingBeforeTheirStartAndLeaveNoFile() throws Exception {
        String topic = "audit-one-off-" + System.nanoTime();
        TestKafka.createTopic(topic, 3);
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic, "--interval", "0",
                "--max-messages", "300", "--key", "user_id", "--quiet"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Map<String, String> environment = Map.of("XDG_CACHE_HOME", cache.toString());

        SoftAssertions softly = new SoftAssertions(); // each start position and the cache, each on its own
        for (String[] start : List.of(new String[] {"--last", "2"}, new String[] {"--partition", "1", "--offset", "-2"})) {
            String[] args = Stream.concat(Arrays.stream(TestKafka.bootstrapArgs("--topic", topic, "--output", "json",
                    "--audit", "--to-end")), Arrays.stream(start)).toArray(String[]::new);
            try (JarProcess consumer = JarProcess.start(environment, "consumer", args)) {
                assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
                assertThat(EventIds.inJsonLines(consumer.out())).hasSize(start[0].equals("--last") ? 6 : 2);
                softly.assertThat(consumer.err()).as(String.join(" ", start) + "\n" + consumer.err())
                        .doesNotContainPattern("빠짐 [1-9]").contains("감사: 빠짐 0 - 이 멤버가 읽기로 한 범위: ");
            }
        }
        try (Stream<Path> files = Files.walk(cache)) {
            softly.assertThat(files.filter(Files::isRegularFile)).as("files left in the cache").isEmpty();
        }
        softly.assertAll();
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

    /** The partitions named by the member's latest assignment line (on stderr). */
    private static List<Integer> lastAssignment(String err) {
        List<String> lines = ASSIGNED.matcher(err).results().map(m -> m.group(1)).toList();
        return lines.isEmpty() || lines.get(lines.size() - 1).equals("없음") ? List.of()
                : Stream.of(lines.get(lines.size() - 1).split(", ")).map(Integer::valueOf).toList();
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
