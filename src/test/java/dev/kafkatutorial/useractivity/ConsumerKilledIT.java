package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The consumer, an OS process of its own, is killed with SIGKILL mid-stream and started again in the same
 * group: no event is skipped; the ones read twice (what it had printed but not yet committed) are counted.
 */
class ConsumerKilledIT {

    private static final int EVENTS = 4_000;
    private static final int READ_BEFORE_KILL = 1_000;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"auto commit", "manual commit"})
    void aKilledConsumerRestartedInItsGroupSkipsNothing(String mode) throws Exception {
        String topic = "killed-" + mode.replace(' ', '-') + "-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        // Paced, so the consumer is still reading when it is killed.
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--interval", "1ms", "--max-messages", String.valueOf(EVENTS));
        List<String> consumer = new ArrayList<>(List.of("consumer", "--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", topic, "--group", topic, "--output", "json",
                // The killed member never says goodbye: the group waits this long (the broker's minimum, not
                // Kafka's 45 s) before the restarted consumer gets its partition.
                "--property", "session.timeout.ms=6000"));
        if (mode.equals("manual commit")) {
            consumer.add("--manual-commit");
        }

        JarProcess first = JarProcess.start(consumer.toArray(String[]::new));
        await().atMost(LIMIT).until(() -> EventIds.inJsonLines(completeLines(first.out())).size() >= READ_BEFORE_KILL
                || !first.isAlive());
        first.kill();
        List<String> readByFirst = EventIds.inJsonLines(completeLines(first.out()));

        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        long[] summary = Figures.producerSummary(producer.err());
        assertThat((long) readByFirst.size()).as("killed mid-stream").isBetween((long) READ_BEFORE_KILL, summary[1] - 1);

        JarProcess second = JarProcess.start(consumer.toArray(String[]::new));
        await().atMost(LIMIT).until(() -> distinct(readByFirst, completeLines(second.out())) >= summary[1]
                || !second.isAlive());
        second.terminate(Duration.ofSeconds(20));
        List<String> readBySecond = EventIds.inJsonLines(completeLines(second.out()));

        List<String> all = Stream.concat(readByFirst.stream(), readBySecond.stream()).toList();
        Figures figures = Figures.count("consumer killed (" + mode + ")", summary[0], summary[1], all);
        System.out.println("FIGURES consumer killed (" + mode + "): first run read " + readByFirst.size()
                + " before SIGKILL, second run read " + readBySecond.size());
        assertThat(summary).containsExactly(EVENTS, EVENTS, 0);
        assertThat(figures.distinct()).isEqualTo(EVENTS);
        assertThat(figures.lost()).isZero();
        assertThat(readBySecond).as("the second run starts at the committed position, not from scratch")
                .hasSizeLessThanOrEqualTo(EVENTS);
        assertThat(second.err()).doesNotContain("\tat ");
    }

    private static long distinct(List<String> first, String secondOut) {
        HashSet<String> ids = new HashSet<>(first);
        ids.addAll(EventIds.inJsonLines(secondOut));
        return ids.size();
    }

    /** Only whole lines: a process killed mid-write leaves half of one. */
    private static String completeLines(String out) {
        return out.substring(0, out.lastIndexOf('\n') + 1);
    }
}
