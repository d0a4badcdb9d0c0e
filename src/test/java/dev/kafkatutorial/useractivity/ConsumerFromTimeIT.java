package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --from-time}: each partition starts at its first event at or after the time ({@code offsetsForTimes}),
 * in a throw-away group; with {@code --group G} only where G has committed nothing, and it says so.
 */
class ConsumerFromTimeIT {

    @Test
    void aTimeBetweenTwoProduceRunsReadsOnlyTheSecond() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("from-time", 1, 5);
        long between = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > between); // a later millisecond
        topic.produce(5);

        ProgramRun consumer = read(topic, "--from-time", String.valueOf(between));

        assertThat(EventIds.offsetsInJsonLines(consumer.out())).containsExactly(5L, 6L, 7L, 8L, 9L);
    }

    /**
     * With {@code --group G}, G's committed offsets win over --from-time, as they do over --from-beginning: only a
     * partition G never committed starts at the time. A member joining a group that is reading must not move it
     * back or forward (see ConsumerLastIT); the line says so, and how to move a group.
     */
    @Test
    void aGroupsCommitsWinAndItSaysSo() throws Exception {
        TopicFixture topic = TopicFixture.create("from-time-group", 1);
        String group = topic.group();
        topic.produce(4);
        ProgramRun first = read(topic, "--group", group);
        assertThat(EventIds.offsetsInJsonLines(first.out())).hasSize(4); // committed: the group's position is now 4
        topic.produce(2);

        ProgramRun again = read(topic, "--group", group, "--from-time", "2000-01-01T00:00:00Z");

        assertThat(EventIds.offsetsInJsonLines(again.out())).containsExactly(4L, 5L);
        assertThat(again.err()).contains("그룹 " + group + "이(가) 커밋한 위치에서 이어 읽습니다 (파티션 0): "
                + "--from-time 2000-01-01T00:00:00Z은(는) 커밋이 없는 파티션에만 적용됩니다");
    }

    /**
     * A time before the first event a partition still holds (retention deleted the older ones; here
     * deleteRecords) reads it from its log start, with one line, in a group and with --partition alike.
     */
    @Test
    void aTimeBeforeTheLogStartReadsFromTheLogStartWithOneLine() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("from-time-deleted", 1, 10);
        topic.deleteRecordsBefore(0, 5);
        String line = "--from-time 2000-01-01T00:00:00Z은(는) 파티션 0에 남아 있는 첫 메시지보다 앞입니다: 로그 시작부터 읽습니다";

        for (ProgramRun consumer : List.of(read(topic, "--from-time", "2000-01-01T00:00:00Z"),
                read(topic, "--partition", "0", "--from-time", "2000-01-01T00:00:00Z"))) {
            assertThat(EventIds.offsetsInJsonLines(consumer.out())).containsExactly(5L, 6L, 7L, 8L, 9L);
            assertThat(consumer.err().lines().filter(l -> l.startsWith("--from-time")).toList()).containsExactly(line);
            assertThat(consumer.err()).doesNotContain("\tat ");
        }
    }

    /** The consumer on the topic to its end, in --output json, until it has exited 0. */
    private static ProgramRun read(TopicFixture topic, String... more) throws InterruptedException {
        return topic.read(Stream.concat(Stream.of("--to-end", "--output", "json"), Stream.of(more))
                .toArray(String[]::new));
    }
}
