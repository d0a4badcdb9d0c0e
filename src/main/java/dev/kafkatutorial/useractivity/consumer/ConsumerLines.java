package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.cli.Lines;

/** The consumer's lines: the tutorial's Step 4.4 banner, --print's details, lag, --explain, commits and start offsets. */
public final class ConsumerLines extends Lines {

    public ConsumerLines(Language language) {
        super(language);
    }

    /** The banner, the event's sentence and the blank line after them, as one string to print at once. */
    public String received(int partition, long offset, UserActivity event) {
        // Per event, so only the language in use is built (pick() would build both); the same for describe().
        return (ko
                ? "======= 새 메시지 수신 (파티션: " + partition + ", 오프셋: " + offset + ") =======\n"
                : "======= New message received (partition: " + partition + ", offset: " + offset + ") =======\n")
                + describe(event) + "\n";
    }

    /** --include: the banner names the topic, {@code ======= 새 메시지 수신 (토픽: t, 파티션: 0, 오프셋: 1) =======}. */
    public String received(String topic, int partition, long offset, UserActivity event) {
        return (ko
                ? "======= 새 메시지 수신 (토픽: " + escape(topic) + ", 파티션: " + partition + ", 오프셋: " + offset + ") =======\n"
                : "======= New message received (topic: " + escape(topic) + ", partition: " + partition + ", offset: "
                        + offset + ") =======\n")
                + describe(event) + "\n";
    }

    /** {@code --print timestamp}: {@code 시각: 2026-11-25 19:00:00.123 KST (CreateTime)}, in the local zone. */
    public String recordTimestamp(long epochMillis, String type) {
        String when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z", java.util.Locale.ROOT)
                .format(java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneId.systemDefault()));
        return (ko ? "시각: " : "Time: ") + when + " (" + type + ")";
    }

    /** {@code --print headers}: {@code 헤더: event-id=3f2a9c1e-1}. */
    public String recordHeaders(String headers) {
        return (ko ? "헤더: " : "Headers: ") + headers;
    }

    /** {@code --print key}: {@code 키: 123}. */
    public String recordKey(String key) {
        return (ko ? "키: " : "Key: ") + key;
    }

    /** {@code --print lag}: {@code 남은 메시지: 42}, the events after this one in its partition. */
    public String recordLag(Long lag) {
        return (ko ? "남은 메시지: " : "Lag: ") + (lag == null ? (ko ? "알 수 없음" : "unknown") : lag);
    }

    /** On assignment: {@code 파티션 0: 위치 40, 끝 42, 남은 메시지 2}. */
    public String partitionLag(int partition, long position, long end, long lag) {
        return pick("파티션 " + partition + ": 위치 " + position + ", 끝 " + end + ", 남은 메시지 " + lag,
                "Partition " + partition + ": position " + position + ", end " + end + ", lag " + lag);
    }

    public String consumerSummary(long read, long skipped) {
        return pick("컨슈머 종료 - 처리한 메시지: " + read + ", 건너뛴 메시지: " + skipped,
                "Consumer stopped - processed: " + read + ", skipped: " + skipped);
    }

    /** The summary, with the total lag left appended when it is known. */
    public String consumerSummary(long read, long skipped, Long lagLeft) {
        return consumerSummary(read, skipped) + (lagLeft == null ? "" : pick(", 남은 메시지: ", ", lag left: ") + lagLeft);
    }

    /** --explain under the consumer protocol: the member's epoch, and who assigns. */
    public String explainConsumerProtocol(String group, int memberEpoch, String memberId, String remoteAssignor) {
        String assignor = remoteAssignor == null
                ? pick("브로커의 group.consumer.assignors가 정합니다", "the broker's, by its group.consumer.assignors")
                : remoteAssignor + pick(" (브로커 쪽, group.remote.assignor)", " (on the broker, group.remote.assignor)");
        return pick("설명: 그룹 " + group + " consumer 프로토콜, 멤버 에포크 " + memberEpoch + ", 이 멤버 " + memberId
                        + ", 할당: " + assignor,
                "Explain: group " + group + " consumer protocol, member epoch " + memberEpoch + ", this member " + memberId
                        + ", assignment: " + assignor);
    }

    public String explainGroup(String group, int generation, String memberId, String assignor) {
        return pick("설명: 그룹 " + group + " 세대 " + generation + ", 이 멤버 " + memberId + ", 할당 전략 " + assignor,
                "Explain: group " + group + " generation " + generation + ", this member " + memberId
                        + ", assignor " + assignor);
    }

    /** Where a partition starts: {@code committed} is the group's commit, or {@code null} (then {@code reset}). */
    public String explainStart(int partition, Long committed, String reset) {
        if (committed != null) {
            return pick("설명: 파티션 " + partition + "은(는) 오프셋 " + committed + "부터 읽습니다 (그룹이 커밋한 위치)",
                    "Explain: partition " + partition + " starts at offset " + committed + " (the group's committed offset)");
        }
        return pick("설명: 파티션 " + partition + "은(는) 커밋이 없어 auto.offset.reset=" + reset + "에 따라 시작합니다",
                "Explain: partition " + partition + " has no commit: it starts where auto.offset.reset=" + reset + " says");
    }

    public String explainCommitDeleted(int partition, long committed, long logStart, String reset) {
        return pick("설명: 파티션 " + partition + "의 커밋 오프셋 " + committed + "은(는) 이미 삭제되었습니다 (로그 시작 "
                        + logStart + "): auto.offset.reset=" + reset + "에 따라 시작합니다",
                "Explain: partition " + partition + "'s committed offset " + committed + " is deleted already (log start "
                        + logStart + "): it starts where auto.offset.reset=" + reset + " says");
    }

    public String explainCommit(int partition, long offset) {
        return pick("커밋: 파티션 " + partition + " → 오프셋 " + offset + " (다음에 읽을 메시지)",
                "Commit: partition " + partition + " → offset " + offset + " (the next message to read)");
    }

    /** A failed write to standard output (a closed pipe, a full disk) ends the consumer, as kafka-console-consumer. */
    public String outputFailed() {
        return pick("표준 출력에 쓸 수 없어 컨슈머를 종료합니다 (출력된 메시지까지만 커밋합니다)",
                "Unable to write to standard output, closing the consumer (committing only what was written)");
    }

    /** The commit on the way out failed: what the group's next run reads again. */
    public String commitFailed(String reason, long rereads) {
        return pick("오프셋을 커밋하지 못했습니다 (" + reason + "): 다음 실행에서 메시지 " + rereads + "개를 다시 읽습니다",
                "Could not commit the offsets (" + reason + "): the group's next run reads " + rereads
                        + " messages again");
    }

    /** {@code --from-time} with {@code --group G}: G's committed positions are not silently overridden. */
    public String groupPositionsMoved(String group) {
        return pick("그룹 " + group + "의 위치를 --from-time에 맞춰 옮깁니다",
                "Moving group " + group + "'s positions to --from-time");
    }

    /** {@code --offset N} past the partition's end: wait there, as kafka-console-consumer does. */
    public String offsetPastEnd(int partition, long offset, long end) {
        return pick("오프셋 " + offset + "은(는) 파티션 " + partition + "의 끝(" + end + ")을 지났습니다: 오프셋 " + end
                        + "에서 새 메시지를 기다립니다",
                "Offset " + offset + " is past the end of partition " + partition + " (" + end
                        + "): waiting for new messages at offset " + end);
    }

    /** {@code --offset N} before the partition's log start: those records were deleted (retention). */
    public String offsetBeforeStart(int partition, long offset, long start) {
        return pick("오프셋 " + offset + "은(는) 파티션 " + partition + "에서 이미 삭제되었습니다: 남아 있는 첫 오프셋 " + start
                        + "부터 읽습니다",
                "Offset " + offset + " of partition " + partition + " was already deleted: reading from the first "
                        + "offset left, " + start);
    }

    public String noSuchPartition(String topic, int partition, int partitions) {
        return pick("토픽 " + topic + "에 파티션 " + partition + "이(가) 없습니다 (파티션 수: " + partitions + ")",
                "Topic " + topic + " has no partition " + partition + " (it has " + partitions + ")");
    }

    /** {@code --print} with {@code --output json}: refused, each JSON line has every field --print can add. */
    public String printWithJson() {
        return pick("--print는 텍스트 출력에 줄을 더합니다. --output json의 각 줄에는 timestamp, headers, key, lag가 이미 "
                        + "있습니다: 둘 중 하나만 주세요",
                "--print adds lines to the text output; with --output json every line has timestamp, headers, key "
                        + "and lag already: give one of them");
    }

    /** A group (--group, or {@code groupAs}: group.id given as a property) with --partition, as kafka-console-consumer refuses it. */
    public String groupWithPartition(String groupAs) {
        String counts = groupAs == null ? "" : pick(groupAs + "은(는) --group과 같습니다: ", groupAs + " counts as --group: ");
        return counts + pick("--group과 --partition은 함께 쓸 수 없습니다 (kafka-console-consumer와 같음): --partition은 "
                        + "그룹 없이 --offset부터 읽습니다",
                "options --group and --partition cannot be specified together, as in kafka-console-consumer: "
                        + "--partition reads without a group, from --offset");
    }

    /** --manual-commit in a one-off read's throw-away group, which commits nothing. */
    public String manualCommitWithoutGroup() {
        return pick("--manual-commit에는 --group이 필요합니다: --group 없이 --from-beginning, --partition, --last, "
                        + "--from-time은 아무것도 커밋하지 않는 일회용 그룹으로 읽습니다",
                "--manual-commit needs --group: without it --from-beginning, --partition, --last and --from-time "
                        + "read in a throw-away group that commits nothing");
    }
}
