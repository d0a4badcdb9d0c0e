package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The processor, an OS process of its own, is killed with SIGKILL three times mid-stream, each time at another
 * point, and started again: its output, read with read_committed, holds every input event exactly once.
 */
class ProcessorKilledIT {

    private static final int EVENTS = 3_000;
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void aProcessorKilledAndRestartedPassesEveryEventOnExactlyOnce() throws Exception {
        String input = "processor-killed-in-" + System.nanoTime();
        String output = input.replace("-in-", "-out-");
        TestKafka.createTopic(input, 2);
        TestKafka.createTopic(output, 2);
        String bootstrap = TestKafka.bootstrapServers();
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", bootstrap, "--topic", input, "--key", "user_id",
                "--interval", "1ms", "--max-messages", String.valueOf(EVENTS), // paced: the processor is killed mid-stream
                "--output", "json"); // one line per acknowledged event: the ids the output must hold
        String[] processor = {"processor", "--bootstrap-server", bootstrap, "--topic", input, "--output-topic", output,
            "--group", input,
            // Static membership: the restarted processor takes its killed predecessor's place in the group at
            // once, instead of waiting for the group to notice that one has died.
            "--property", "group.instance.id=" + input,
            // Smaller transactions than the default 500 records, so the kills fall inside one more often.
            "--property", "max.poll.records=100",
            // Each record leaves at once, so a kill inside a transaction leaves output no commit marker follows.
            "--property", "linger.ms=0"};

        List<String> runs = new ArrayList<>();
        long committedBefore = 0;
        for (long killAfter : new long[] {300, 700, 150}) {
            long started = System.nanoTime();
            JarProcess run = JarProcess.start(processor);
            long target = killAfter;
            await().atMost(LIMIT).until(() -> TransactionalReads.committedEvents(run.out()) >= target || !run.isAlive());
            run.kill();
            long committed = TransactionalReads.committedEvents(run.out());
            runs.add(committed + " committed in " + (System.nanoTime() - started) / 1_000_000 + " ms, then SIGKILL");
            committedBefore += committed;
            assertThat(committedBefore).as("killed mid-stream").isLessThan(EVENTS);
        }
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        long[] summary = Figures.producerSummary(producer.err());
        assertThat(summary).containsExactly(EVENTS, EVENTS, 0);

        long started = System.nanoTime();
        JarProcess last = JarProcess.start(processor);
        try {
            TransactionalReads.awaitCommitted(bootstrap, output, EVENTS, Duration.ofSeconds(30));
        } finally {
            last.terminate(Duration.ofSeconds(20));
        }
        runs.add(TransactionalReads.committedEvents(last.out()) + " committed in " + (System.nanoTime() - started) / 1_000_000
                + " ms, then Ctrl+C");

        Set<String> in = new HashSet<>(EventIds.inTopic(bootstrap, input, LIMIT));
        List<String> committed = EventIds.inTopic(bootstrap, output, "read_committed", LIMIT);
        List<String> uncommitted = EventIds.inTopic(bootstrap, output, "read_uncommitted", LIMIT);
        Figures.count("processor killed", "processor killed with SIGKILL 3 times mid-stream (" + String.join("; ", runs)
                + "); output read with read_committed (read_uncommitted: " + uncommitted.size() + ", "
                + new HashSet<>(uncommitted).size() + " distinct)", summary[0], Figures.Sends.of(producer.out()), committed);

        assertThat(in).hasSize(EVENTS);
        assertThat(new HashSet<>(committed)).isEqualTo(in);
        assertThat(TransactionalReads.repeated(committed)).as("ids written twice").isEmpty();
        assertThat(committed).hasSize(EVENTS);
        assertThat(last.err()).contains("프로세서 종료 - 처리한 메시지: ").doesNotContain("\tat ");
    }
}
