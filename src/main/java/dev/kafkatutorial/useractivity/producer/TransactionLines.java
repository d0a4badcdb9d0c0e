package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.time.Duration;

/**
 * The transactional producer's lines (--transactional-id): one per commit or abort, one per transaction aborted
 * after an error and sent again, the reasons of events a stop left uncommitted, and a summary.
 */
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
        return transactionSummary(committed, aborted, 0);
    }

    /** The tally; {@code retried}, transactions aborted after an error and sent again, only when there were some. */
    public String transactionSummary(long committed, long aborted, long retried) {
        return pick("트랜잭션 - 커밋: " + committed + ", 중단: " + aborted
                        + (retried == 0 ? "" : ", 오류로 중단 후 다시 보냄: " + retried),
                "Transactions - committed: " + committed + ", aborted: " + aborted
                        + (retried == 0 ? "" : ", aborted after an error and sent again: " + retried));
    }

    /** An error (not a fatal one) ended the transaction: it was aborted, and its events go in the next one. */
    public String transactionRetried(int events, String reason) {
        return pick("트랜잭션 중단 (오류: " + reason + ") - 이벤트 " + events + "개를 다음 트랜잭션에서 다시 보냅니다",
                "Transaction aborted after an error (" + reason + ") - its " + events
                        + " events go again in the next transaction");
    }

    /**
     * The refusal of a --interval × --transaction-size past the transaction timeout: the broker would abort every
     * transaction. {@code pace} is {@code --interval 5s} or {@code --rate 0.2}.
     */
    public String outlastsTheTimeout(String pace, long events, String transaction, String timeout) {
        return pick(pace + " x --transaction-size " + events + " = " + transaction + ": 트랜잭션 하나가 트랜잭션 타임아웃 "
                        + "transaction.timeout.ms(" + timeout + ")보다 길어 브로커가 모든 트랜잭션을 중단합니다 (브로커는 기본으로 "
                        + "최대 15분까지 허용, transaction.max.timeout.ms). --transaction-size나 --interval을 줄이세요",
                pace + " x --transaction-size " + events + " = " + transaction + ": each transaction would outlast "
                        + "the transaction timeout, transaction.timeout.ms (" + timeout + "), and the broker would abort it "
                        + "(brokers allow at most 15 minutes by default, transaction.max.timeout.ms). Use a smaller "
                        + "--transaction-size or --interval");
    }

    /** The failure of an event whose transaction's commit had not completed when the stop's grace ran out. */
    public String stoppedDuringCommit(Duration grace) {
        return pick("중지 후 " + grace.toSeconds() + "초 안에 커밋이 끝나지 않았습니다 (커밋되었을 수도 있습니다)",
                "the commit did not complete within " + grace.toSeconds() + " s of the stop (it may still have committed)");
    }

    /** The failure of an event of a transaction aborted after an error while the producer was stopping. */
    public String notSentAgain() {
        return pick("트랜잭션이 오류로 중단되었고, 중지 중이라 다시 보내지 않았습니다",
                "its transaction was aborted after an error, and the producer was stopping: not sent again");
    }
}
