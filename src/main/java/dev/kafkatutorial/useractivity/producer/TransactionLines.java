package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;

/** The transactional producer's lines (--transactional-id): one per commit or abort, and a summary. */
public final class TransactionLines extends Lines {

    public TransactionLines(Language language) {
        super(language);
    }

    /** {@code 트랜잭션 커밋 - 이벤트 10개 (오프셋 20-29)}: the producer's --transactional-id, one line per commit. */
    public String transactionCommitted(int events, String offsets) {
        return pick("트랜잭션 커밋 - 이벤트 " + events + "개 (" + offsets + ")",
                "Transaction committed - " + events + " events (" + offsets + ")");
    }

    /** --abort-every: the transaction aborted on purpose. */
    public String transactionAborted(int events) {
        return pick("트랜잭션 중단 - 이벤트 " + events + "개: read_committed 컨슈머에게는 보이지 않습니다",
                "Transaction aborted - " + events + " events: a read_committed consumer never sees them");
    }

    public String transactionSummary(long committed, long aborted) {
        return pick("트랜잭션 - 커밋: " + committed + ", 중단: " + aborted,
                "Transactions - committed: " + committed + ", aborted: " + aborted);
    }
}
