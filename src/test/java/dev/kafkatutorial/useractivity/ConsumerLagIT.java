package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The consumer's lag: the line per partition on assignment is the end offset (Admin listOffsets) minus the
 * position; a record's lag ({@code --print lag}, JSON {@code lag}) is the events after it in its partition; the
 * exit summary's lag left is end minus the group's committed offset.
 */
class ConsumerLagIT {

    @Test
    void eachRecordsLagIsTheEventsAfterIt() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("lag", 1, 5);

        ProgramRun json = topic.read("--from-beginning", "--to-end", "--output", "json");
        List<JsonNode> records = JsonLines.parse(json.out());
        assertThat(records).hasSize(5);
        for (JsonNode record : records) {
            assertThat(record.get("lag").isNumber()).as(record.toString()).isTrue();
            assertThat(record.get("lag").asLong()).as(record.toString()).isEqualTo(4 - record.get("offset").asLong());
        }
        // from the beginning: position 0, so the lag at assignment is the end offset
        assertThat(json.err()).contains("파티션 0: 위치 0, 끝 " + topic.endOffsets(1).get(0) + ", 남은 메시지 5");
        assertThat(json.err()).contains("컨슈머 종료 - 처리한 메시지: 5, 건너뛴 메시지: 0");

        ProgramRun text = topic.read("--from-beginning", "--to-end", "--print", "lag");
        List<String> lagLines = text.out().lines().filter(line -> line.startsWith("남은 메시지: ")).toList();
        assertThat(lagLines).containsExactly("남은 메시지: 4", "남은 메시지: 3", "남은 메시지: 2", "남은 메시지: 1",
                "남은 메시지: 0");

        // the line comes after --last's seek: the position reading starts from
        ProgramRun last = topic.read("--last", "2", "--to-end");
        assertThat(last.err()).contains("파티션 0: 위치 3, 끝 5, 남은 메시지 2");
    }

    @Test
    void theSummaryLeavesEndMinusCommitted() throws Exception {
        TopicFixture topic = TopicFixture.create("lag-left", 2);
        String group = topic.group();
        topic.produce(20);

        ProgramRun consumer = topic.read("--group", group, "--max-messages", "3");
        Map<Integer, Long> ends = topic.endOffsets(2);
        for (int p = 0; p < 2; p++) { // a new group starts at the earliest offset: 0
            assertThat(consumer.err()).contains("파티션 " + p + ": 위치 0, 끝 " + ends.get(p) + ", 남은 메시지 " + ends.get(p));
        }
        long left = groupLag(topic, group, 2);
        assertThat(left).isEqualTo(17);
        assertThat(consumer.err()).contains("컨슈머 종료 - 처리한 메시지: 3, 건너뛴 메시지: 0, 남은 메시지: " + left);
    }

    /**
     * {@code --explain} says where each partition really starts, as Admin's listOffsets and
     * listConsumerGroupOffsets have it: it used to say "starts at offset 0 (the group's committed offset)" or "has
     * no commit" while reading from the end - 1.
     */
    @Test
    void explainSaysWhereEachPartitionStarts() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("explain", 3, 300, "--key", "user_id");
        Map<Integer, Long> before = topic.endOffsets(3);
        long between = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > between);
        topic.produce(30, "--key", "user_id");
        Map<Integer, Long> ends = topic.endOffsets(3);
        String group = topic.group();

        ProgramRun last = topic.read("--group", group, "--last", "1", "--explain", "--to-end", "--output", "json");
        ProgramRun fromTime = topic.read("--group", group + "-t", "--from-time", String.valueOf(between), "--explain",
                "--to-end", "--output", "json");
        ProgramRun again = topic.read("--group", group, "--last", "1", "--explain", "--to-end");
        Map<Integer, Long> committed = topic.committed(group);
        for (int p = 0; p < 3; p++) {
            assertThat(last.err()).contains("설명: 파티션 " + p + "은(는) 오프셋 " + (ends.get(p) - 1)
                    + "부터 읽습니다 (--last 1 옵션)");
            assertThat(fromTime.err()).contains("설명: 파티션 " + p + "은(는) 오프셋 " + before.get(p)
                    + "부터 읽습니다 (--from-time " + Instant.ofEpochMilli(between) + " 옵션)");
            assertThat(again.err()).contains("설명: 파티션 " + p + "은(는) 오프셋 " + committed.get(p)
                    + "부터 읽습니다 (그룹이 커밋한 위치)");
        }
        assertThat(firstOffsets(last.out())).isEqualTo(Map.of(0, ends.get(0) - 1, 1, ends.get(1) - 1, 2, ends.get(2) - 1));
        Map<Integer, Long> fromTimeStarts = new HashMap<>(before);
        fromTimeStarts.keySet().removeIf(p -> before.get(p).equals(ends.get(p))); // nothing written there after
        assertThat(firstOffsets(fromTime.out())).isEqualTo(fromTimeStarts);
    }

    /**
     * With {@code --explain} too, the summary's lag left is the group's, end - committed as Admin has them: it used
     * to be a third of it with --max-messages 3 on three partitions ("lag left: 1878" where 6,003 were left), as
     * --explain's beginningOffsets request had become the consumer's idea of the end of each partition not read.
     */
    @Test
    void theLagLeftWithExplainIsTheGroups() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("explain-lag", 3, 6000, "--key", "user_id");

        ProgramRun three = topic.read("--group", topic.group(), "--max-messages", "3", "--explain");

        long left = groupLag(topic, topic.group(), 3);
        assertThat(left).isEqualTo(6000 - 3);
        assertThat(three.err()).contains("컨슈머 종료 - 처리한 메시지: 3, 건너뛴 메시지: 0, 남은 메시지: " + left);
    }

    /** The group's lag as kafka-consumer-groups counts it: each partition's end minus the group's commit (none: 0). */
    private static long groupLag(TopicFixture topic, String group, int partitions) throws Exception {
        Map<Integer, Long> ends = topic.endOffsets(partitions);
        Map<Integer, Long> committed = topic.committed(group);
        long lag = 0;
        for (int p = 0; p < partitions; p++) {
            lag += ends.get(p) - committed.getOrDefault(p, 0L);
        }
        return lag;
    }

    /** The first offset printed in each partition. */
    private static Map<Integer, Long> firstOffsets(String jsonLines) {
        Map<Integer, Long> first = new HashMap<>();
        JsonLines.parse(jsonLines).forEach(line -> first.putIfAbsent(line.get("partition").asInt(), line.get("offset").asLong()));
        return first;
    }
}
