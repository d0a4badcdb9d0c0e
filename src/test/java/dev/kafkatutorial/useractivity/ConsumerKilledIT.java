package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer, an OS process of its own, is killed with SIGKILL mid-stream and started again in the same
 * group. The group's committed offset, read once the killed run can commit no more, is where the second run
 * must start: not from scratch, not past anything unread. Everything before it must have been printed by the
 * first run (a commit covers only what was printed), and with --manual-commit the first run printed at most
 * one poll's batch beyond it, so at most that batch is read twice.
 */
class ConsumerKilledIT {

    private static final int EVENTS = 4_000;
    private static final int READ_BEFORE_KILL = 1_000;
    private static final String ASSIGNED = new Lines(Language.ko).assigned(List.of(0));
    /** One poll's batch, set explicitly: --manual-commit re-reads at most this many after a crash. */
    private static final int MAX_POLL_RECORDS = 100;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The consumer processes this test started: none outlives it, whatever failed (see {@link #stopAll()}). */
    private final List<JarProcess> started = new ArrayList<>();

    /** One line of the consumer's --output json: where it was read and which event it was. */
    private record Read(long offset, String eventId) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"auto commit", "manual commit"})
    void aKilledConsumerRestartedInItsGroupResumesAtItsLastCommit(String mode) throws Exception {
        boolean manual = mode.equals("manual commit");
        String topic = "killed-" + mode.replace(' ', '-') + "-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        List<String> consumer = new ArrayList<>(List.of(TestKafka.bootstrapArgs("--topic", topic, "--group", topic, "--output", "json",
                "--property", "max.poll.records=" + MAX_POLL_RECORDS,
                // The killed member never says goodbye: the group waits this long (the broker's minimum, not
                // Kafka's 45 s) before the restarted consumer gets its partition.
                "--property", "session.timeout.ms=6000",
                // --audit counts by event id too, in the group's file that survives the kill (checked below)
                "--audit", "--audit-file", Path.of("target", topic + ".audit").toAbsolutePath().toString())));
        if (manual) {
            consumer.add("--manual-commit");
        } else {
            // Kafka's 5 s would let the first run read everything before its first commit; 1 s commits mid-stream.
            consumer.addAll(List.of("--property", "auto.commit.interval.ms=1000"));
        }

        JarProcess first = start(consumer);
        // The producer starts once the consumer has its partition, and is paced, so the consumer reads along and
        // is still reading when it is killed. Started earlier, a slow group join (a broker's initial rebalance
        // delay, a loaded machine) would let it find the whole topic there and read it before its first commit.
        await().atMost(LIMIT).until(() -> !first.isAlive() || first.err().contains(ASSIGNED));
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic,
                "--interval", "1ms", "--max-messages", String.valueOf(EVENTS), "--output", "json"));
        // Killed once it has read enough and the group has a commit of it: a kill before any commit proves nothing.
        // A consumer that never commits reads everything instead, and fails below.
        await().atMost(LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> !first.isAlive()
                || first.outLines() >= EVENTS || first.outLines() >= READ_BEFORE_KILL && committed(partition) != null);
        first.kill();
        List<Read> readByFirst = reads(first.out());

        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        long[] summary = Figures.producerSummary(producer.err());
        Figures.Sends sends = Figures.Sends.of(producer.out());
        // Read now, just before the restart: the killed process can commit nothing more.
        OffsetAndMetadata commit = committed(partition);
        assertThat(commit).as("the killed run committed what it had printed").isNotNull();
        assertThat((long) readByFirst.size()).as("killed mid-stream").isBetween((long) READ_BEFORE_KILL, summary[1] - 1);

        long committedOffset = commit.offset();
        long lastPrintedByFirst = readByFirst.get(readByFirst.size() - 1).offset();
        assertThat(readByFirst.stream().map(Read::offset).toList()).as("a commit covers only what was printed")
                .containsAll(LongStream.range(0, committedOffset).boxed().toList());
        if (manual) {
            assertThat(lastPrintedByFirst + 1 - committedOffset)
                    .as("--manual-commit: printed at most one poll's batch beyond its last commit")
                    .isBetween(0L, (long) MAX_POLL_RECORDS);
        }

        JarProcess second = start(consumer);
        await().atMost(LIMIT).until(() -> distinct(readByFirst, second) >= sends.acknowledged().size()
                || !second.isAlive());
        second.terminate(Duration.ofSeconds(20));
        List<Read> readBySecond = reads(second.out());
        assertThat(readBySecond).as("the second run read something").isNotEmpty();
        assertThat(readBySecond.get(0).offset()).as("the second run starts at the group's committed offset")
                .isEqualTo(committedOffset);

        List<String> all = Stream.concat(readByFirst.stream(), readBySecond.stream()).map(Read::eventId).toList();
        Figures figures = Figures.count("consumer killed (" + mode + ")", "consumer killed with SIGKILL after "
                + readByFirst.size() + " read, " + (manual ? "--manual-commit" : "auto commit every 1 s")
                + "; committed offset " + committedOffset, summary[0], sends, all);
        assertThat(summary).containsExactly(EVENTS, EVENTS, 0);
        assertThat(figures.distinct()).isEqualTo(EVENTS);
        assertThat(figures.lost()).isZero();
        assertThat(figures.duplicated()).as("read twice: printed by the first run after its last commit")
                .isEqualTo(lastPrintedByFirst + 1 - committedOffset);
        if (manual) {
            assertThat(figures.duplicated()).isLessThanOrEqualTo(MAX_POLL_RECORDS);
        }
        assertThat(second.err()).doesNotContain("\tat ");
        // consumer --audit, restarted in the group, counts the first run's reads from its file: the events it
        // reports as duplicates are those read twice (the file gets each id before its line: a kill between the
        // two leaves at most one write's ids on record unprinted), and nothing is missing.
        String run = readByFirst.get(0).eventId().substring(0, readByFirst.get(0).eventId().lastIndexOf('-'));
        Matcher audited = Pattern.compile("  " + run + ": 받음 (\\d+), 중복 (\\d+), 순서 바뀜 0").matcher(second.err());
        assertThat(audited.find()).as(second.err()).isTrue();
        assertThat(Long.parseLong(audited.group(1))).isEqualTo(readBySecond.size());
        assertThat(Long.parseLong(audited.group(2)))
                .isBetween(figures.duplicated(), figures.duplicated() + MAX_POLL_RECORDS);
        assertThat(second.err()).contains("감사: 빠짐 0 - 이 멤버가 읽기로 한 범위: 파티션 0 오프셋 " + committedOffset + "-");
    }

    private JarProcess start(List<String> args) {
        JarProcess process = JarProcess.start("consumer", args.toArray(String[]::new));
        started.add(process);
        return process;
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (JarProcess process : started) {
            process.close();
        }
    }

    private static OffsetAndMetadata committed(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(partition.topic()).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
        }
    }

    private static long distinct(List<Read> first, JarProcess second) {
        HashSet<String> ids = new HashSet<>();
        first.forEach(read -> ids.add(read.eventId()));
        reads(second.out()).forEach(read -> ids.add(read.eventId()));
        return ids.size();
    }

    /** The whole JSON lines, in order: a process killed mid-write leaves half of its last one. */
    private static List<Read> reads(String out) {
        List<Read> reads = new ArrayList<>();
        for (String line : out.substring(0, out.lastIndexOf('\n') + 1).lines().toList()) {
            try {
                JsonNode json = MAPPER.readTree(line);
                reads.add(new Read(json.get("offset").asLong(), json.get("event_id").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return reads;
    }
}
