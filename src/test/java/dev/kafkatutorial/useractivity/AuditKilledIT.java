package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * consumer --audit and a member killed with SIGKILL. The member prints into a pipe that the test stops reading,
 * so it is blocked writing in the middle of a batch when it is killed: every line that left it must be in the
 * group's audit record, so the next run counts each re-read. A run started while the dead member still holds
 * the partition (until its session times out) is assigned nothing, and must say so instead of an all-clear.
 */
class AuditKilledIT {

    private static final int EVENTS = 6_000;
    private static final int READ_BEFORE_KILL = 2_000;
    /** One poll's batch: about 150 KB of JSON lines, more than the output's 64 KB chunk and the pipe. */
    private static final int MAX_POLL_RECORDS = 500;
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Pattern DUPLICATES = Pattern.compile("중복 (\\d+)");

    @TempDir
    Path dir;
    private Process killed;

    @Test
    void everyLineAKilledMemberPrintedIsOnRecordAndARunAssignedNothingSaysSo() throws Exception {
        String topic = "audit-killed-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic, "--interval", "0",
                "--max-messages", String.valueOf(EVENTS), "--quiet"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        String[] member = TestKafka.bootstrapArgs("--topic", topic, "--group", topic, "--output", "json",
                "--audit", "--audit-file", dir.resolve("group.ids").toString());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OffsetAndMetadata commit;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            List<String> args = new ArrayList<>(List.of("consumer"));
            args.addAll(Arrays.asList(member));
            // the dead member holds its partition for 20 s; it commits every 500 ms while it prints
            args.addAll(List.of("--property", "max.poll.records=" + MAX_POLL_RECORDS, "--property",
                    "session.timeout.ms=20000", "--property", "auto.commit.interval.ms=500"));
            killed = JarProcess.builder(args).redirectError(dir.resolve("killed.err").toFile()).start();
            InputStream out = killed.getInputStream();
            // Read slowly (about 1,000 lines a second), so the member commits along, until enough is read and
            // committed; then not at all: the pipe fills and the member blocks in a write, in mid-batch.
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (lines(printed) < READ_BEFORE_KILL || committed(admin, partition) == null) {
                assertThat(System.nanoTime()).as("read and committed in time").isLessThan(deadline);
                byte[] chunk = new byte[16 * 1024];
                int n = out.read(chunk);
                assertThat(n).as("the member is still printing").isPositive();
                printed.write(chunk, 0, n);
                Thread.sleep(50);
            }
            Thread.sleep(2_000);
            killed.toHandle().destroyForcibly(); // SIGKILL; Process.destroyForcibly() would close the pipe as well
            assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            printed.write(out.readAllBytes()); // what was in the pipe left the member too: printed
            commit = committed(admin, partition); // the dead member commits no more
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        String wholeLines = out.substring(0, out.lastIndexOf('\n') + 1); // a kill in mid-write leaves half a line
        List<String> byKilled = EventIds.inJsonLines(wholeLines);
        long printedPastCommit = EventIds.offsetsInJsonLines(wholeLines).stream()
                .filter(offset -> offset >= commit.offset()).count();
        assertThat(printedPastCommit).as("lines printed past the last commit").isPositive();

        String[] nothing = Stream.concat(Arrays.stream(member), Stream.of("--timeout-ms", "3000")).toArray(String[]::new);
        ProgramRun unassigned = ProgramRun.consumer(nothing); // the dead member's session has 15 s and more to go
        int unassignedExit = unassigned.awaitExit(LIMIT);
        SoftAssertions softly = new SoftAssertions(); // each defect on its own, the re-reads below too
        softly.assertThat(unassigned.err()).as(unassigned.err())
                .contains("감사: 검사한 것 없음 - 이 멤버는 파티션을 하나도 할당받지 못했습니다")
                .contains("session.timeout.ms, 이 멤버의 설정은 45000ms")
                .doesNotContain("빠짐 0");
        softly.assertThat(unassignedExit).as("nothing audited is no all-clear").isEqualTo(1);

        String[] toEnd = Stream.concat(Arrays.stream(member), Stream.of("--to-end")).toArray(String[]::new);
        ProgramRun next = ProgramRun.consumer(toEnd); // assigned once the dead member's session is over
        assertThat(next.awaitExit(LIMIT)).as(next.err()).isZero();
        Set<String> killedIds = new HashSet<>(byKilled);
        long reReadById = EventIds.inJsonLines(next.out()).stream().filter(killedIds::contains).count();
        assertThat(reReadById).as("the next run starts at the commit").isEqualTo(printedPastCommit);
        Matcher duplicates = DUPLICATES.matcher(next.err());
        assertThat(duplicates.find()).as(next.err()).isTrue();
        // The record is written before the lines: at most the lines of the write the kill cut off are on record
        // without having been printed.
        System.out.println("AUDIT KILLED: printed " + byKilled.size() + ", committed " + commit.offset()
                + ", printed past the commit " + printedPastCommit + ", re-read by id " + reReadById
                + ", audit's duplicates " + duplicates.group(1));
        softly.assertThat(Long.parseLong(duplicates.group(1))).as("re-reads the audit counted; by id: " + reReadById)
                .isBetween(reReadById, reReadById + MAX_POLL_RECORDS);
        softly.assertThat(next.err()).as(next.err())
                .contains("감사: 빠짐 0 - 이 멤버가 읽기로 한 범위: 파티션 0 오프셋 " + commit.offset() + "-");
        softly.assertAll();
    }

    @AfterEach
    void noProcessLeft() throws InterruptedException {
        if (killed != null && killed.isAlive()) {
            killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static OffsetAndMetadata committed(Admin admin, TopicPartition partition) throws Exception {
        return admin.listConsumerGroupOffsets(partition.topic()).partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS).get(partition);
    }

    private static long lines(ByteArrayOutputStream out) {
        byte[] bytes = out.toByteArray();
        long lines = 0;
        for (byte b : bytes) {
            lines += b == '\n' ? 1 : 0;
        }
        return lines;
    }
}
