package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --from-time}: each partition starts at its first event at or after the time ({@code offsetsForTimes}),
 * in a throw-away group; with {@code --group G} the group's committed positions are moved, and it says so.
 */
class ConsumerFromTimeIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void aTimeBetweenTwoProduceRunsReadsOnlyTheSecond() throws Exception {
        String topic = "from-time-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        ProgramRun.sendEvents(topic, 5, LIMIT);
        long between = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > between); // a later millisecond
        ProgramRun.sendEvents(topic, 5, LIMIT);

        ProgramRun consumer = consumer(topic, "--from-time", String.valueOf(between));

        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        assertThat(EventIds.offsetsInJsonLines(consumer.out())).containsExactly(5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aGroupWithCommittedPositionsIsMovedAndSaysSo() throws Exception {
        String topic = "from-time-group-" + System.nanoTime();
        String group = "g-" + topic;
        TestKafka.createTopic(topic, 1);
        ProgramRun.sendEvents(topic, 4, LIMIT);
        ProgramRun first = consumer(topic, "--group", group);
        assertThat(first.awaitExit(LIMIT)).as(first.err()).isZero();
        assertThat(EventIds.offsetsInJsonLines(first.out())).hasSize(4); // committed: the group's position is now 4

        ProgramRun again = consumer(topic, "--group", group, "--from-time", "2000-01-01T00:00:00Z");

        assertThat(again.awaitExit(LIMIT)).as(again.err()).isZero();
        assertThat(EventIds.offsetsInJsonLines(again.out())).containsExactly(0L, 1L, 2L, 3L);
        assertThat(again.err()).contains("그룹 " + group + "의 위치를 --from-time에 맞춰 옮깁니다");
    }

    private static ProgramRun consumer(String topic, String... more) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", topic, "--to-end", "--output", "json"));
        args.addAll(List.of(more));
        return ProgramRun.consumer(args.toArray(String[]::new));
    }


}
