package dev.kafkatutorial.useractivity.processor;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;

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

    public String processorSummary(long processed, long committed, long aborted, long skipped) {
        return pick("프로세서 종료 - 처리한 메시지: " + processed + ", 커밋한 트랜잭션: " + committed + ", 중단한 트랜잭션: "
                        + aborted + ", 건너뛴 메시지: " + skipped,
                "Processor stopped - processed: " + processed + ", transactions committed: " + committed
                        + ", aborted: " + aborted + ", skipped: " + skipped);
    }
}
