package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import dev.kafkatutorial.useractivity.producer.ProducerLines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The producer jar while its one broker is away (issue 15, items 1 and 3): an outage shorter than the delivery
 * timeout loses nothing and is announced in two lines; Ctrl+C or SIGTERM during an outage still accounts for
 * every event, one line each, and prints the summary within a bounded time.
 */
class ProducerOutageIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Pattern SUMMARY = Pattern.compile("프로듀서 종료 - 전송: (\\d+), 성공: (\\d+), 실패: (\\d+)");
    private static final ProducerLines KO = new ProducerLines(Language.ko);

    @TempDir
    Path dataDir;

    @Test
    void anOutageShorterThanTheDeliveryTimeoutLosesNothing() throws Exception {
        int events = 100;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            String topic = "outage-" + System.nanoTime();
            TestKafka.createTopic(broker.bootstrapServers(), topic, 1);
            // max.block.ms 2 s instead of the program's 10 s, so a send() that waits for metadata during the
            // outage (Kafka 4's rebootstrap forgets it) fails within this test's short outage.
            JarProcess producer = JarProcess.start("producer", "--bootstrap-server", broker.bootstrapServers(),
                    "--topic", topic, "--interval", "100ms", "--max-messages", String.valueOf(events),
                    "--property", "max.block.ms=2000");
            await().atMost(LIMIT).until(() -> count(producer.out(), "메시지 전송 성공") >= 5);
            broker.stop();
            long outageStart = System.nanoTime();
            long sentBefore = count(producer.out(), "메시지 전송: ");
            // Down for more than twice max.block.ms, with events sent all along.
            await().atMost(LIMIT).until(() -> count(producer.out(), "메시지 전송: ") >= sentBefore + 10
                    && System.nanoTime() - outageStart > Duration.ofSeconds(5).toNanos());
            broker.restart();
            Duration outage = Duration.ofNanos(System.nanoTime() - outageStart);

            assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
            long[] summary = summary(producer.err());
            List<String> inTopic = EventIds.inTopic(broker.bootstrapServers(), topic, LIMIT);
            Set<String> expected = expectedIds(inTopic, events);
            Set<String> lost = new HashSet<>(expected);
            lost.removeAll(new HashSet<>(inTopic));
            Figures recorded = Figures.record(figures("producer outage", "broker away " + outage.toMillis() + " ms under --interval 100ms ("
                    + (count(producer.out(), "메시지 전송: ") - sentBefore) + " events sent meanwhile), shorter than the"
                    + " delivery timeout", summary, producer.out(), inTopic));

            assertThat(recorded.lost()).as("the figures' count of acknowledged events not in the topic").isZero();
            assertThat(producer.err()).as("no event failed").doesNotContain("메시지 전송 실패");
            assertThat(summary).containsExactly(events, events, 0);
            assertThat(lost).as("every event is in the topic").isEmpty();
            assertThat(inTopic).as("none twice").doesNotHaveDuplicates().hasSize(events);
            String away = KO.brokerAway(broker.bootstrapServers(), Duration.ofSeconds(120));
            String back = KO.brokerBack(broker.bootstrapServers());
            assertThat(producer.err().lines().filter(away::equals)).as("one line when it goes away").hasSize(1);
            assertThat(producer.err().lines().filter(back::equals)).as("one line when it is back").hasSize(1);
            assertThat(producer.err().indexOf(away)).isLessThan(producer.err().indexOf(back));
        }
    }

    /**
     * INT with the tutorial's kind of pace: events wait in the buffer. TERM at full speed with a small buffer:
     * send() itself blocks on a full buffer, and the stop request must cut it short.
     */
    @ParameterizedTest(name = "{0} with --interval {1}")
    @CsvSource({"INT, 20ms, 33554432", "TERM, 0, 131072"})
    void stoppedWhileTheBrokerIsAwayEveryEventIsAccountedFor(String signal, String interval, String bufferMemory)
            throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dataDir)) {
            String topic = "stopped-" + System.nanoTime();
            TestKafka.createTopic(broker.bootstrapServers(), topic, 1);
            JarProcess producer = JarProcess.start("producer", "--bootstrap-server", broker.bootstrapServers(),
                    "--topic", topic, "--interval", interval, "--property", "buffer.memory=" + bufferMemory);
            await().atMost(LIMIT).until(() -> count(producer.out(), "메시지 전송 성공") >= 5);
            broker.stop();
            long sentBefore = count(producer.out(), "메시지 전송: ");
            // As the user did: events go on being sent into the outage for 2 s, then Ctrl+C.
            long outageStart = System.nanoTime();
            await().atMost(LIMIT).until(() -> count(producer.out(), "메시지 전송: ") > sentBefore
                    && System.nanoTime() - outageStart > Duration.ofSeconds(2).toNanos());
            long signalled = System.nanoTime();
            producer.signal(signal);
            int exit = producer.awaitExit(Duration.ofSeconds(30));
            Duration toExit = Duration.ofNanos(System.nanoTime() - signalled);

            String out = producer.out();
            String err = producer.err();
            long[] summary = summary(err);
            long sendingLines = count(out, "메시지 전송: ");
            long successLines = count(out, "메시지 전송 성공");
            long failureLines = err.lines().filter(l -> l.startsWith("메시지 전송 실패 - ")).count();
            broker.restart();
            List<String> inTopic = EventIds.inTopic(broker.bootstrapServers(), topic, LIMIT);
            Figures recorded = Figures.record(figures("producer stopped (SIG" + signal + ")", "SIG" + signal + " 2 s into an outage, --interval "
                    + interval + (signal.equals("TERM") ? ", send() blocked on a full buffer" : "") + " (exit " + exit + " "
                    + toExit.toMillis() + " ms after the signal)", summary, out, inTopic));

            assertThat(recorded.lost()).as("the figures' count of acknowledged events not in the topic").isZero();
            assertThat(exit).isEqualTo(signal.equals("INT") ? 130 : 143);
            assertThat(summary[0]).as("sent = the events printed").isEqualTo(sendingLines);
            assertThat(summary[1]).as("acknowledged = the success lines").isEqualTo(successLines);
            assertThat(summary[1] + summary[2]).as("each event acknowledged or failed").isEqualTo(summary[0]);
            assertThat(failureLines).as("each failure on a line of its own").isEqualTo(summary[2]);
            assertThat(summary[2]).as("some were still waiting for the broker").isPositive();
            // Every acknowledged event is in the topic. A failed one may be too: the broker can write an event
            // and go down before its answer arrives (seen: 8 acknowledged, 9 in the topic). Never one twice.
            assertThat(inTopic).as("no event twice").doesNotHaveDuplicates();
            assertThat((long) inTopic.size()).as("at most the events sent").isLessThanOrEqualTo(summary[0]);
            // Each acknowledged offset, one per success line, is a record in the topic: a fresh one-partition
            // topic without transactions holds offsets 0 to its size - 1, one event each.
            Set<Long> acknowledgedOffsets = out.lines().filter(l -> l.startsWith("메시지 전송 성공"))
                    .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).collect(Collectors.toSet());
            assertThat(acknowledgedOffsets).as("one offset per acknowledged event").hasSize((int) summary[1])
                    .allMatch(offset -> offset < inTopic.size(), "is in the topic");
            assertThat(new HashSet<>(inTopic)).as("only this run's events").isSubsetOf(expectedIds(inTopic, (int) summary[0]));
        }
    }

    /**
     * The figures of a run whose producer printed text lines: an acknowledged event is known by the offset on its
     * success line. A fresh one-partition topic without transactions holds offsets 0 to its size - 1, so an
     * acknowledged offset at or past the size read back is an acknowledged event lost.
     */
    private static Figures figures(String scenario, String detail, long[] summary, String out, List<String> inTopic) {
        Set<Long> acknowledgedOffsets = out.lines().filter(l -> l.startsWith("메시지 전송 성공"))
                .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).collect(Collectors.toSet());
        long lost = acknowledgedOffsets.stream().filter(offset -> offset >= inTopic.size()).count();
        return new Figures(scenario, detail, summary[0], summary[1], summary[2], inTopic.size(),
                new HashSet<>(inTopic).size(), lost, TransactionalReads.repeated(inTopic).size());
    }

    /** This run's ids: its run id (from any id read) and 0..events-1. */
    private static Set<String> expectedIds(List<String> inTopic, int events) {
        assertThat(inTopic).isNotEmpty();
        String runId = inTopic.get(0).substring(0, inTopic.get(0).lastIndexOf('-'));
        return LongStream.range(0, events).mapToObj(i -> runId + "-" + i).collect(Collectors.toSet());
    }

    private static long[] summary(String err) {
        Matcher m = SUMMARY.matcher(err);
        if (!m.find()) {
            throw new AssertionError("no producer summary in:\n" + err);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    static long count(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).count();
    }
}
