package dev.kafkatutorial.useractivity.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.time.Duration;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The producer's transaction lines. */
class TransactionLinesTest {

    @Test
    void theLinesInEnglish() {
        TransactionLines en = new TransactionLines(Language.en);
        TreeMap<Integer, long[]> ranges = new TreeMap<>();
        ranges.put(0, new long[] {20, 25});
        assertThat(en.transactionCommitted(6, en.offsetRanges(ranges))).isEqualTo("Transaction committed - 6 events (offsets 20-25)");
        assertThat(en.transactionAborted(10)).isEqualTo("Transaction aborted - 10 events: a read_committed consumer never sees them");
        assertThat(en.transactionRetried(5, "Expiring 5 record(s)")).isEqualTo("Transaction aborted after an error "
                + "(Expiring 5 record(s)) - its 5 events go again in the next transaction");
        assertThat(en.transactionSummary(4, 2)).isEqualTo("Transactions - committed: 4, aborted: 2");
        assertThat(en.transactionSummary(4, 2, 1)).isEqualTo("Transactions - committed: 4, aborted: 2, aborted after "
                + "an error and sent again: 1");
        assertThat(en.stoppedDuringCommit(Duration.ofSeconds(5)))
                .isEqualTo("the commit did not complete within 5 s of the stop (it may still have committed)");
    }

    @Test
    void theKoreanLinesTheTestsCount() {
        TransactionLines ko = new TransactionLines(Language.ko);
        assertThat(ko.transactionSummary(4, 2)).isEqualTo("트랜잭션 - 커밋: 4, 중단: 2");
        assertThat(ko.transactionRetried(5, "x")).isEqualTo("트랜잭션 중단 (오류: x) - 이벤트 5개를 다음 트랜잭션에서 다시 보냅니다");
        // Under transactions the broker-away line says the commit waits; it starts as the one without them.
        assertThat(new ProducerLines(Language.ko).brokerAway("localhost:9092", Duration.ofSeconds(120), true))
                .startsWith("브로커 연결 끊김: localhost:9092. ").contains("트랜잭션 커밋을 재시도합니다");
    }
}
