package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --last N} (each partition of the group's assignment starts N events before its end) and
 * {@code --partition P --offset -N} (the same for one partition), read with {@code --to-end} so each run ends.
 */
class ConsumerLastIT {

    private static final java.time.Duration LIMIT = TopicFixture.LIMIT;

    @Test
    void lastFivePrintsTheLastFiveOfEachPartition() throws Exception {
        // keyed: the events spread over both partitions
        TopicFixture topic = TopicFixture.withEvents("last", 2, 40, "--key", "user_id");
        Map<Integer, List<Long>> all = byPartition(read(topic, "--from-beginning"));
        assertThat(all.values().stream().mapToInt(List::size).sum()).isEqualTo(40);
        assertThat(all.values()).as("both partitions hold more than 5").allMatch(offsets -> offsets.size() > 5).hasSize(2);

        Map<Integer, List<Long>> last = byPartition(read(topic, "--last", "5"));

        Map<Integer, List<Long>> expected = new TreeMap<>();
        all.forEach((partition, offsets) ->
                expected.put(partition, offsets.subList(Math.max(0, offsets.size() - 5), offsets.size())));
        assertThat(last).isEqualTo(expected);
    }

    @Test
    void aNegativeOffsetOnOnePartitionReadsItsLastEvents() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("last-one", 1, 10);

        Map<Integer, List<Long>> last = byPartition(read(topic, "--partition", "0", "--offset", "-3"));

        assertThat(last).isEqualTo(Map.of(0, List.of(7L, 8L, 9L)));
    }

    /**
     * Two members of one named group with {@code --last 2}. The first starts each partition 2 before its end; the
     * second joins (a rebalance: with the default range assignor every partition is taken away and handed out
     * again), then the first leaves (another). Neither rebalance moves a partition back to end - 2 (events printed
     * twice) or forward past events not read yet (skipped, then committed past): a partition already read starts
     * at the group's committed offset, the one taken over too. Counted by offset and by event id.
     */
    @Test
    void aSecondMemberNeitherMovesTheFirstNorIgnoresItsCommits() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("last-group", 2, 40, "--key", "user_id");
        Map<Integer, Long> before = topic.endOffsets(2);
        String[] member = topic.args("--group", topic.group(), "--last", "2", "--output", "json");
        ProgramRun first = ProgramRun.stoppableConsumer(member);
        first.awaitOutLines(4, LIMIT);

        ProgramRun second = ProgramRun.stoppableConsumer(member);
        await().atMost(LIMIT).until(() -> second.err().contains("======= 파티션 할당: ")
                && first.err().split("======= 파티션 할당: ", -1).length >= 3); // the first has been assigned twice
        topic.produce(40, "--key", "user_id");
        awaitEachPartitionsLast(topic.endOffsets(2), first, second);
        first.stop(); // the second takes its partition over
        assertThat(first.awaitExit(LIMIT)).as(first.err()).isZero();
        topic.produce(20, "--key", "user_id");
        Map<Integer, Long> after = topic.endOffsets(2);
        awaitEachPartitionsLast(after, first, second);
        second.stop();
        assertThat(second.awaitExit(LIMIT)).as(second.err()).isZero();

        String printed = first.out() + second.out();
        Map<Integer, List<Long>> expected = new TreeMap<>();
        before.forEach((partition, end) -> expected.put(partition,
                LongStream.range(Math.max(0, end - 2), after.get(partition)).boxed().toList()));
        Map<Integer, List<Long>> read = new TreeMap<>();
        byPartition(printed).forEach((partition, offsets) -> read.put(partition, offsets.stream().sorted().toList()));
        assertThat(read).as(first.err() + second.err()).isEqualTo(expected);
        assertThat(EventIds.inJsonLines(printed)).hasSize(64).doesNotHaveDuplicates();
        assertThat(topic.committed(topic.group())).as("nothing left, nothing skipped").isEqualTo(after);
        assertThat(second.err()).contains("그룹 " + topic.group() + "이(가) 커밋한 위치에서 이어 읽습니다");
    }

    /** Until the members have printed the offset before each partition's end. */
    private static void awaitEachPartitionsLast(Map<Integer, Long> ends, ProgramRun... members) {
        await().atMost(LIMIT).ignoreExceptions().until(() -> { // ignored: a JSON line half written
            Map<Integer, List<Long>> read = byPartition(Stream.of(members).map(ProgramRun::out).collect(Collectors.joining()));
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || read.getOrDefault(end.getKey(), List.of()).contains(end.getValue() - 1));
        });
    }

    private static String read(TopicFixture topic, String... start) throws InterruptedException {
        return topic.read(Stream.concat(Stream.of("--to-end", "--output", "json"), Stream.of(start))
                .toArray(String[]::new)).out();
    }

    /** Offsets read per partition, in order. */
    private static Map<Integer, List<Long>> byPartition(String jsonLines) {
        return JsonLines.parse(jsonLines).stream().collect(Collectors.groupingBy(node -> node.get("partition").asInt(), TreeMap::new,
                Collectors.mapping((JsonNode node) -> node.get("offset").asLong(), Collectors.toList())));
    }
}
