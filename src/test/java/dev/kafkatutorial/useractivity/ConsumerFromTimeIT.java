package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --from-time}: each partition starts at its first event at or after the time ({@code offsetsForTimes}),
 * in a throw-away group; with {@code --group G} the group's committed positions are moved, and it says so.
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

    @Test
    void aGroupWithCommittedPositionsIsMovedAndSaysSo() throws Exception {
        TopicFixture topic = TopicFixture.create("from-time-group", 1);
        String group = topic.group();
        topic.produce(4);
        ProgramRun first = read(topic, "--group", group);
        assertThat(EventIds.offsetsInJsonLines(first.out())).hasSize(4); // committed: the group's position is now 4

        ProgramRun again = read(topic, "--group", group, "--from-time", "2000-01-01T00:00:00Z");

        assertThat(EventIds.offsetsInJsonLines(again.out())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(again.err()).contains("그룹 " + group + "의 위치를 --from-time에 맞춰 옮깁니다");
    }

    /** The consumer on the topic to its end, in --output json, until it has exited 0. */
    private static ProgramRun read(TopicFixture topic, String... more) throws InterruptedException {
        return topic.read(Stream.concat(Stream.of("--to-end", "--output", "json"), Stream.of(more))
                .toArray(String[]::new));
    }
}
