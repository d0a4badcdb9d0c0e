package dev.kafkatutorial.useractivity.processor;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.time.Duration;

/** The exactly-once processor's lines: what it reads and writes, one line per transaction, its summary. */
public final class ProcessorLines extends Lines {

    public ProcessorLines(Language language) {
        super(language);
    }

    /** The processor's first line (stderr): what it reads, where it writes, as whom. */
    public String processorStarted(String input, String output, String group, String transactionalId) {
        return pick("프로세서 시작 - " + input + " → " + output + " (그룹: " + group + ", transactional.id: "
                        + transactionalId + ", read_committed)",
                "Processor started - " + input + " -> " + output + " (group: " + group + ", transactional.id: "
                        + transactionalId + ", read_committed)");
    }

    /** One line per poll: its output records and its input offsets, committed in one transaction. */
    public String processorCommitted(int events, String inputTopic, String inputOffsets, String outputTopic) {
        return pick("트랜잭션 커밋 - 이벤트 " + events + "개: " + inputTopic + " " + inputOffsets + " → " + outputTopic,
                "Transaction committed - " + events + " events: " + inputTopic + " " + inputOffsets + " -> "
                        + outputTopic);
    }

    /** A transaction the processor had to abort: its events are read again and written again. */
    public String processorAborted(int events, String reason) {
        return pick("트랜잭션 중단 - 이벤트 " + events + "개를 다시 처리합니다: " + reason,
                "Transaction aborted - " + events + " events will be processed again: " + reason);
    }

    /** The broker stopped answering the processor; a transaction open meanwhile is tried again until it answers. */
    public String brokerAway(String bootstrapServers, Duration transactionTimeout) {
        return pick("브로커 연결 끊김: " + bootstrapServers + ". 다시 연결되면 이어서 처리합니다 (진행 중인 트랜잭션은 "
                        + transactionTimeout.toSeconds() + "초 안에 끝나야 합니다: transaction.timeout.ms)",
                "Lost the Kafka broker at " + bootstrapServers + ". Processing goes on when it is back (a transaction "
                        + "in hand must end within " + transactionTimeout.toSeconds() + " s: transaction.timeout.ms)");
    }

    public String brokerBack(String bootstrapServers) {
        return pick("브로커 다시 연결됨: " + bootstrapServers, "Reconnected to the Kafka broker at " + bootstrapServers);
    }

    /**
     * Fenced after an outage: the broker aborts a transaction left open longer than its timeout and bumps the
     * producer's epoch, and the commit tried again once it is back is refused as from a fenced producer.
     */
    public String fencedAfterOutage(String transactionalId, Duration transactionTimeout) {
        return pick("펜싱됨: 브로커가 연결이 끊긴 동안 " + transactionTimeout.toSeconds() + "초(transaction.timeout.ms)를 넘긴 "
                        + "이 프로세서의 트랜잭션을 중단했습니다 (transactional.id: " + transactionalId + "). 종료합니다. "
                        + "다시 시작하면 마지막 커밋부터 이어서 정확히 한 번 처리합니다",
                "Fenced: while the broker was away, it aborted this processor's transaction, open longer than "
                        + "transaction.timeout.ms (" + transactionTimeout.toSeconds() + " s; transactional.id: "
                        + transactionalId + "). Exiting; a restart goes on from the last commit, exactly once");
    }

    /** Another member of the group took this one's group.instance.id: not a transactional.id clash. */
    public String instanceFenced(String group, String groupInstanceId) {
        return pick("그룹 " + group + "에 같은 group.instance.id(" + groupInstanceId + ")로 다른 멤버가 들어와 이 "
                        + "프로세서를 대신합니다. 종료합니다. 멤버마다 다른 group.instance.id를 주세요",
                "Another member joined group " + group + " with the same group.instance.id (" + groupInstanceId
                        + ") and takes over from this processor. Exiting: give each member a group.instance.id of its own");
    }

    /** Stopped while a commit or an abort still had no answer: its outcome is the broker's. */
    public String stoppedWhileAway(Duration transactionTimeout) {
        return pick("브로커가 응답하지 않는 중에 중지되었습니다: 마지막 트랜잭션은 커밋되었거나 브로커가 "
                        + transactionTimeout.toSeconds() + "초 안에 중단합니다. 다시 시작하면 커밋된 위치부터 이어서 "
                        + "정확히 한 번 처리합니다",
                "Stopped while the broker did not answer: the last transaction is committed, or the broker aborts it "
                        + "within " + transactionTimeout.toSeconds() + " s; a restart goes on from what was committed, "
                        + "exactly once");
    }

    public String processorSummary(long processed, long committed, long aborted, long skipped) {
        return pick("프로세서 종료 - 처리한 메시지: " + processed + ", 커밋한 트랜잭션: " + committed + ", 중단한 트랜잭션: "
                        + aborted + ", 건너뛴 메시지: " + skipped,
                "Processor stopped - processed: " + processed + ", transactions committed: " + committed
                        + ", aborted: " + aborted + ", skipped: " + skipped);
    }
}
