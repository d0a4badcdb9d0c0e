package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The tutorial's advanced exercises (심화 실습), each an option, each on a real broker. */
class AdvancedExercisesIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern SENT = Pattern.compile(
            "메시지 전송 성공 - 토픽: \\S+, 파티션: (\\d+), 오프셋: (\\d+)(?:, 키: (\\d+))?");
    private static final Pattern RECEIVED = Pattern.compile("======= 새 메시지 수신 \\(파티션: (\\d+), 오프셋: (\\d+)\\) =======");
    private static final Pattern ASSIGNED = Pattern.compile("======= 파티션 할당: ([\\d, ]+|없음) =======");

    private static String[] args(String topic, String... more) {
        return Stream.concat(Stream.of(TestKafka.bootstrapArgs("--topic", topic)),
                Stream.of(more)).toArray(String[]::new);
    }

    private static String unique(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
    }

    private static List<String> printedAt(String out) {
        return RECEIVED.matcher(out).results().map(r -> r.group(1) + "/" + r.group(2)).toList();
    }

    private static void produce(String topic, int events, String... more) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of("--max-messages", String.valueOf(events), "--interval", "0"));
        all.addAll(List.of(more));
        ProgramRun producer = ProgramRun.producer(args(topic, all.toArray(String[]::new)));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
    }

    @Test
    void syncSendPrintsEachAcknowledgementBeforeTheNextEvent(TestInfo test) throws Exception {
        String topic = unique(test);
        ProgramRun producer = ProgramRun.producer(args(topic, "--sync", "--max-messages", "6", "--interval", "0"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();

        List<String> lines = producer.out().lines().toList();
        assertThat(lines).hasSize(12);
        for (int i = 0; i < lines.size(); i += 2) {
            assertThat(lines.get(i)).startsWith("메시지 전송: {");
            assertThat(lines.get(i + 1)).isEqualTo("메시지 전송 성공 - 토픽: " + topic + ", 파티션: 0, 오프셋: " + i / 2);
        }
    }

    @Test
    void syncSendEndsAtTheFirstNonRetriableFailureWhileAsyncCountsAndGoesOn(TestInfo test) throws Exception {
        String topic = unique(test);
        // Every event is bigger than max.request.size allows: RecordTooLargeException, which no retry fixes.
        ProgramRun sync = ProgramRun.producer(args(topic, "--sync", "--max-messages", "3", "--interval", "0",
                "--property", "max.request.size=10"));
        assertThat(sync.awaitExit(LIMIT)).isEqualTo(1);
        assertThat(sync.out().lines().filter(l -> l.startsWith("메시지 전송: "))).hasSize(1);
        assertThat(sync.err()).contains("max.request.size", "전송: 1, 성공: 0, 실패: 1");
        assertThat(sync.err().lines().filter(l -> l.startsWith("메시지 전송 실패 - "))).hasSize(1);

        ProgramRun async = ProgramRun.producer(args(topic, "--max-messages", "3", "--interval", "0",
                "--property", "max.request.size=10"));
        assertThat(async.awaitExit(LIMIT)).isZero();
        assertThat(async.err()).contains("전송: 3, 성공: 0, 실패: 3");
    }

    @Test
    void keyingByUserKeepsEachUserInOnePartition(TestInfo test) throws Exception {
        String topic = unique(test);
        TestKafka.createTopic(topic, 3);
        ProgramRun producer = ProgramRun.producer(args(topic, "--key", "user_id", "--max-messages", "300",
                "--interval", "0", "--seed", "3"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();

        Map<String, Set<Integer>> partitionsOfUser = new HashMap<>();
        Map<Integer, Long> lastOffset = new HashMap<>();
        List<MatchResult> sent = SENT.matcher(producer.out()).results().toList();
        assertThat(sent).hasSize(300);
        for (MatchResult line : sent) {
            assertThat(line.group(3)).as("the key on the success line").isNotNull();
            int partition = Integer.parseInt(line.group(1));
            partitionsOfUser.computeIfAbsent(line.group(3), k -> new TreeSet<>()).add(partition);
            lastOffset.merge(partition, Long.parseLong(line.group(2)), Math::max);
        }
        assertThat(partitionsOfUser.values()).allSatisfy(partitions -> assertThat(partitions).hasSize(1));
        assertThat(lastOffset.keySet()).as("events spread over all three partitions").containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void manualCommitResumesExactlyAfterTheLastPrintedRecord(TestInfo test) throws Exception {
        String topic = unique(test);
        produce(topic, 10);

        ProgramRun first = ProgramRun.consumer(args(topic, "--group", topic, "--manual-commit", "--max-messages", "4"));
        assertThat(first.awaitExit(LIMIT)).as(first.err()).isZero();
        assertThat(committed(topic, new TopicPartition(topic, 0))).isEqualTo(4);

        ProgramRun second = ProgramRun.consumer(args(topic, "--group", topic, "--manual-commit", "--max-messages", "6", "--timeout-ms", "30000"));
        assertThat(second.awaitExit(LIMIT)).as(second.err()).isZero();

        assertThat(printedAt(first.out())).containsExactly("0/0", "0/1", "0/2", "0/3");
        assertThat(printedAt(second.out())).containsExactly("0/4", "0/5", "0/6", "0/7", "0/8", "0/9");
        assertThat(committed(topic, new TopicPartition(topic, 0))).isEqualTo(10);
    }

    @Test
    void partitionAndOffsetStartWhereAsked(TestInfo test) throws Exception {
        String topic = unique(test);
        TestKafka.createTopic(topic, 3);
        produce(topic, 60, "--key", "user_id", "--seed", "5");

        long end = endOffset(new TopicPartition(topic, 1));
        assertThat(end).as("partition 1 has events past offset 2").isGreaterThan(2);
        ProgramRun one = ProgramRun.consumer(args(topic, "--partition", "1", "--offset", "2",
                "--max-messages", String.valueOf(end - 2), "--timeout-ms", "30000"));
        assertThat(one.awaitExit(LIMIT)).as(one.err()).isZero();
        List<String> printed = printedAt(one.out());
        assertThat(printed).isNotEmpty().allMatch(at -> at.startsWith("1/"));
        assertThat(printed.get(0)).isEqualTo("1/2");
        assertThat(printed).hasSize((int) (end - 2));

        ProgramRun missing = ProgramRun.consumer(args(topic, "--partition", "7"));
        assertThat(missing.awaitExit(LIMIT)).isEqualTo(1);
        assertThat(missing.err()).contains("파티션 7", "파티션 수: 3");
    }

    @Test
    void fromBeginningRereadsEverythingInAThrowAwayGroup(TestInfo test) throws Exception {
        String topic = unique(test);
        produce(topic, 5);
        ProgramRun tutorialGroup = ProgramRun.consumer(args(topic, "--max-messages", "5", "--timeout-ms", "30000"));
        assertThat(tutorialGroup.awaitExit(LIMIT)).isZero();
        assertThat(printedAt(tutorialGroup.out())).hasSize(5);

        for (int run = 0; run < 2; run++) {
            ProgramRun again = ProgramRun.consumer(args(topic, "--from-beginning", "--max-messages", "5", "--timeout-ms", "30000"));
            assertThat(again.awaitExit(LIMIT)).isZero();
            assertThat(printedAt(again.out())).containsExactly("0/0", "0/1", "0/2", "0/3", "0/4");
        }
    }

    @Test
    void threeConsumersShareThreePartitionsAndTakeOverWhenOneLeaves(TestInfo test) throws Exception {
        String topic = unique(test);
        TestKafka.createTopic(topic, 3);
        List<ProgramRun> consumers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            consumers.add(ProgramRun.stoppableConsumer(args(topic, "--group", topic)));
        }
        // Each of the three ends up with one partition of its own.
        await().atMost(LIMIT).until(() -> consumers.stream().allMatch(c -> lastAssignment(c.err()).size() == 1)
                && consumers.stream().flatMap(c -> lastAssignment(c.err()).stream()).distinct().count() == 3);

        produce(topic, 90, "--key", "user_id", "--seed", "11");
        await().atMost(LIMIT).until(() -> consumers.stream().mapToInt(c -> printedAt(c.out()).size()).sum() == 90);
        Set<String> firstRound = everyRecordOnce(consumers);
        assertThat(firstRound).hasSize(90);

        ProgramRun leaving = consumers.remove(0);
        int itsPartition = lastAssignment(leaving.err()).get(0);
        leaving.stop();
        assertThat(leaving.awaitExit(LIMIT)).isZero();
        await().atMost(LIMIT).until(() -> consumers.stream().flatMap(c -> lastAssignment(c.err()).stream())
                .collect(java.util.stream.Collectors.toSet()).equals(Set.of(0, 1, 2)));

        produce(topic, 90, "--key", "user_id", "--seed", "11"); // the same users: every partition gets events again
        List<ProgramRun> all = List.of(leaving, consumers.get(0), consumers.get(1));
        await().atMost(LIMIT).until(() -> all.stream().mapToInt(c -> printedAt(c.out()).size()).sum() == 180);
        assertThat(everyRecordOnce(all)).hasSize(180);
        assertThat(consumers.stream().flatMap(c -> printedAt(c.out()).stream()))
                .as("the partition the leaver had is read by the others now")
                .anyMatch(at -> at.startsWith(itsPartition + "/") && !firstRound.contains(at));

        for (ProgramRun consumer : consumers) {
            consumer.stop();
            assertThat(consumer.awaitExit(LIMIT)).isZero();
        }
    }

    @Test
    void jsonOutputIsOneObjectPerLineWithPartitionAndOffset(TestInfo test) throws Exception {
        String topic = unique(test);
        produce(topic, 4, "--seed", "9");
        ProgramRun consumer = ProgramRun.consumer(args(topic, "--group", topic, "--output", "json", "--max-messages", "4", "--timeout-ms", "30000"));
        assertThat(consumer.awaitExit(LIMIT)).isZero();

        List<String> lines = consumer.out().lines().toList();
        assertThat(lines).hasSize(4);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = mapper.readTree(lines.get(i));
            assertThat(line.get("topic").asText()).isEqualTo(topic);
            assertThat(line.get("partition").asInt()).isZero();
            assertThat(line.get("offset").asLong()).isEqualTo(i);
            assertThat(line.get("value").get("user_id").asLong()).isBetween(1L, 1000L);
            assertThat(line.get("value").get("action").asText()).isNotBlank();
            assertThat(line.get("value").has("event_id")).as("the id is a header, not part of the event").isFalse();
        }
        // One id per event, from the producer's event-id header, the same ids a plain consumer reads.
        List<String> ids = EventIds.inJsonLines(consumer.out());
        assertThat(ids).hasSize(4).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{8}-[0-3]"));
        assertThat(EventIds.inTopic(TestKafka.bootstrapServers(), topic, LIMIT)).isEqualTo(ids);
    }

    /** The partitions named by the consumer's latest assignment line (on stderr). */
    private static List<Integer> lastAssignment(String err) {
        List<MatchResult> lines = ASSIGNED.matcher(err).results().toList();
        if (lines.isEmpty() || lines.get(lines.size() - 1).group(1).equals("없음")) {
            return List.of();
        }
        return Stream.of(lines.get(lines.size() - 1).group(1).split(", ")).map(Integer::valueOf).toList();
    }

    /** Every (partition, offset) printed by these consumers, asserting that none was printed twice. */
    private static Set<String> everyRecordOnce(List<ProgramRun> consumers) {
        List<String> all = consumers.stream().flatMap(c -> printedAt(c.out()).stream()).toList();
        Set<String> distinct = new HashSet<>(all);
        assertThat(all).hasSameSizeAs(distinct);
        return distinct;
    }

    private static long endOffset(TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(30, TimeUnit.SECONDS).offset();
        }
    }

    private static long committed(String group, TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }
}
