package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The producer's transactions against a real broker: what an aborted transaction leaves for each isolation
 * level, and a second producer with the same transactional id fencing the first.
 */
class TransactionsIT {

    private static final Duration LIMIT = TopicFixture.LIMIT;

    @Test
    void abortedTransactionsAreInvisibleToReadCommittedOnly() throws Exception {
        TopicFixture topic = TopicFixture.create("transactions-aborted", 1);
        // Six transactions of five events; the 3rd and the 6th are aborted on purpose.
        ProgramRun producer = ProgramRun.producer(topic.args("--transactional-id", topic.name(),
                "--transaction-size", "5", "--abort-every", "3", "--interval", "0", "--max-messages", "30"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        assertThat(producer.out().lines().filter(l -> l.startsWith("트랜잭션 커밋 - 이벤트 5개"))).hasSize(4);
        assertThat(producer.out().lines()
                .filter(l -> l.equals("트랜잭션 중단 - 이벤트 5개: read_committed 컨슈머에게는 보이지 않습니다"))).hasSize(2);
        assertThat(producer.err()).contains("트랜잭션 - 커밋: 4, 중단: 2", "프로듀서 종료 - 전송: 30, 성공: 30, 실패: 0");

        List<String> committed = read(topic, "read_committed");
        List<String> uncommitted = read(topic, "read_uncommitted");

        Set<String> all = new HashSet<>(uncommitted);
        // Ids are "<run>-<sequence>"; transaction t (from 0) holds sequences 5t..5t+4, and t = 2 and 5 were aborted.
        Set<String> expected = all.stream()
                .filter(id -> (Long.parseLong(id.substring(id.lastIndexOf('-') + 1)) / 5) % 3 != 2)
                .collect(Collectors.toSet());
        // What a read_committed reader must see is the committed transactions' events, not all those acknowledged:
        // counted against those ids, lost = a committed event not read, duplicated = one read twice.
        long[] summary = Figures.producerSummary(producer.err());
        Figures.count("transactions", "transactions of 5, --abort-every 3: 20 committed, read with read_committed"
                + " (read_uncommitted: " + uncommitted.size() + ")", summary[0], new Figures.Sends(expected, Set.of()),
                committed);
        assertThat(uncommitted).hasSize(30).doesNotHaveDuplicates();
        assertThat(expected).hasSize(20);
        assertThat(committed).hasSize(20).doesNotHaveDuplicates();
        assertThat(new HashSet<>(committed)).isEqualTo(expected);
    }

    @Test
    void aSecondProducerWithTheSameTransactionalIdFencesTheFirst() throws Exception {
        TopicFixture topic = TopicFixture.create("transactions-fenced", 1);
        // Long transactions: the second producer fences the first while it is sending. (A commit that meets the
        // fencing half-way can get an "unexpected server error" from Kafka 4.1's coordinator instead of "fenced".)
        JarProcess first = JarProcess.start("producer", topic.args("--transactional-id", topic.name(),
                "--transaction-size", "1000", "--interval", "50ms"));
        try {
            // Its second event is printed once the first send returned, so after initTransactions(): the first
            // producer holds the id. (Its success lines come only when its transaction of 1000 commits.)
            await().atMost(LIMIT).until(() -> first.out().lines().filter(l -> l.startsWith("메시지 전송: ")).count() >= 2
                    || !first.isAlive());
            ProgramRun second = ProgramRun.producer(topic.args("--transactional-id", topic.name(),
                    "--interval", "0", "--max-messages", "2", "--transaction-size", "2"));
            assertThat(second.awaitExit(LIMIT)).as(second.err()).isZero();

            assertThat(first.awaitExit(LIMIT)).as(first.err()).isEqualTo(1);
            // The first may see the fencing first as InvalidProducerEpochException on a send, which is abortable
            // (KIP-588): it aborts, tries again, and then learns it is fenced (ProducerFencedException).
            List<String> lines = first.err().lines().toList();
            assertThat(lines).as("the fenced line last, no stack trace").last().isEqualTo(
                    "user-activity-producer: 펜싱됨: 같은 transactional.id(" + topic.name() + ")로 다른 프로듀서가 시작해 "
                            + "이 프로듀서를 대신합니다. 종료합니다");
            assertThat(lines.subList(0, lines.size() - 1)).as("before it, at most the abort of that transaction")
                    .allMatch(l -> l.startsWith("트랜잭션 중단 (오류: ") && l.contains("old epoch"));
        } finally {
            if (first.isAlive()) {
                first.kill();
            }
        }
    }

    /**
     * Ctrl+C while transactions commit back to back ({@code --interval 0}): the signal nearly always lands in a
     * commit. Only a send is cut at once; the commit under way completes, the open transaction is committed, and
     * the summary comes. Every event reported acknowledged is read by a read_committed reader, once.
     */
    @Test
    void ctrlCDuringTransactionsCommitsWhatIsOpenAndEndsWithTheSummary() throws Exception {
        TopicFixture topic = TopicFixture.create("transactions-interrupted", 1);
        try (JarProcess producer = JarProcess.start("producer", topic.args("--transactional-id", topic.name(),
                "--transaction-size", "5", "--interval", "0", "--output", "json"))) {
            await().atMost(LIMIT).until(() -> producer.outLines() >= 200 || !producer.isAlive());
            producer.signal("INT");
            int exit = producer.awaitExit(Duration.ofSeconds(30));

            String err = producer.err();
            assertThat(exit).as(err).isEqualTo(130);
            assertThat(err).as("a commit cut by the stop is no failure").doesNotContain("트랜잭션 실패", "Exception");
            long[] summary = Figures.producerSummary(err);
            Figures.Sends sends = Figures.Sends.of(producer.out()); // fails on a line that is not JSON
            List<String> committed = EventIds.inTopic(TestKafka.bootstrapServers(), topic.name(), "read_committed",
                    LIMIT);
            Figures recorded = Figures.count("transactions stopped (SIGINT)", "SIGINT under --transaction-size 5"
                    + " --interval 0, commits back to back (exit " + exit + "); read with read_committed", summary[0],
                    sends, committed);

            assertThat(recorded.lost()).as("acknowledged events a read_committed reader misses").isZero();
            assertThat(summary[2]).as("nothing failed: the broker was there").isZero();
            assertThat(summary[1]).isEqualTo(summary[0]).isEqualTo(sends.acknowledged().size());
            assertThat(committed).doesNotHaveDuplicates();
            assertThat(new HashSet<>(committed)).as("every acknowledged event committed, no other")
                    .isEqualTo(sends.acknowledged());
        }
    }

    private static List<String> read(TopicFixture topic, String isolationLevel) throws InterruptedException {
        ProgramRun consumer = topic.read("--group", topic.name() + "-" + isolationLevel,
                "--isolation-level", isolationLevel, "--output", "json", "--timeout-ms", "2000");
        return EventIds.inJsonLines(consumer.out());
    }
}
