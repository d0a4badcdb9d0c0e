package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/** The consumer's lines: the tutorial's Step 4.4 banner, --print's details, lag, --explain, commits and start offsets. */
public final class ConsumerLines extends Lines {

    /** With --include several topics can be read, so a partition is named with its topic ({@code t-0}). */
    private final boolean namesTopics;

    public ConsumerLines(Language language) {
        this(language, false);
    }

    public ConsumerLines(Language language, boolean namesTopics) {
        super(language);
        this.namesTopics = namesTopics;
    }

    /** A partition as the lines name it: its number ({@code 0}), or with --include {@code topic-0}, as Kafka writes it. */
    public String partition(TopicPartition partition) {
        return namesTopics ? partition.toString() : String.valueOf(partition.partition());
    }

    /** Partitions as the lines name them, in order: {@code 0, 1, 2}. */
    public String partitions(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(this::partition).collect(Collectors.joining(", "));
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

    /** On assignment: {@code 파티션 0: 위치 40, 끝 42, 남은 메시지 2}, the partition as {@link #partition} names it. */
    public String partitionLag(String partition, long position, long end, long lag) {
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

    /** --explain: where a partition starts reading, and why (one of the {@code explainWhy...} phrases). */
    public String explainStart(String partition, long offset, String why) {
        return pick("설명: 파티션 " + partition + "은(는) 오프셋 " + offset + "부터 읽습니다 (" + why + ")",
                "Explain: partition " + partition + " starts at offset " + offset + " (" + why + ")");
    }

    public String explainWhyCommitted() {
        return pick("그룹이 커밋한 위치", "the group's committed offset");
    }

    /** A partition this run had before a rebalance and gets back, with nothing committed for it. */
    public String explainWhyResumed() {
        return pick("리밸런스 전에 이 실행이 읽던 위치", "where this run was reading it before the rebalance");
    }

    /** {@code option}: --last 3, --from-time 2026-11-25T10:00:00Z. */
    public String explainWhyOption(String option) {
        return pick(option + " 옵션", option);
    }

    /** The group's commits could not be asked for: Kafka reads from the commit, if any. */
    public String explainWhyUnknown(String reset) {
        return pick("그룹이 커밋한 위치, 없으면 auto.offset.reset=" + reset,
                "the group's committed offset, or without one auto.offset.reset=" + reset);
    }

    /** A partition the group never committed, and no start option: {@code offset} is where the reset put it. */
    public String explainNoCommit(String partition, String reset, long offset) {
        return pick("설명: 파티션 " + partition + "은(는) 커밋이 없어 auto.offset.reset=" + reset + "에 따라 시작합니다: 오프셋 "
                        + offset,
                "Explain: partition " + partition + " has no commit: it starts where auto.offset.reset=" + reset
                        + " says, at offset " + offset);
    }

    /** The group's commit was deleted (retention) before it was read: {@code offset} is where reading starts. */
    public String explainCommitDeleted(String partition, long committed, long logStart, String reset, long offset) {
        return pick("설명: 파티션 " + partition + "의 커밋 오프셋 " + committed + "은(는) 이미 삭제되었습니다 (로그 시작 "
                        + logStart + "): auto.offset.reset=" + reset + "에 따라 시작합니다: 오프셋 " + offset,
                "Explain: partition " + partition + "'s committed offset " + committed + " is deleted already (log start "
                        + logStart + "): it starts where auto.offset.reset=" + reset + " says, at offset " + offset);
    }

    public String explainCommit(String partition, long offset) {
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

    /**
     * {@code --last} or {@code --from-time} with {@code --group G}: where G has committed, its commit wins (as it
     * does with --from-beginning); only partitions it never committed start where the option says.
     */
    public String groupCommitsWin(String group, String option, String partitions) {
        return pick("그룹 " + group + "이(가) 커밋한 위치에서 이어 읽습니다 (파티션 " + partitions + "): " + option
                        + "은(는) 커밋이 없는 파티션에만 적용됩니다 (그룹의 위치를 옮기려면 kafka-consumer-groups --reset-offsets)",
                "Group " + group + " goes on from its committed offsets (partition " + partitions + "): " + option
                        + " applies only to partitions it never committed (to move the group: kafka-consumer-groups "
                        + "--reset-offsets)");
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

    /**
     * The group's committed offset is before the partition's log start: retention deleted the records there
     * before the group read them. {@code from}: where reading starts instead, or null when auto.offset.reset
     * (neither earliest nor latest) decides at the first fetch.
     */
    public String commitDeleted(String partition, long committed, long logStart, String reset, Long from) {
        String where = from == null
                ? pick("auto.offset.reset=" + reset + "에 따라 시작합니다", "it starts where auto.offset.reset=" + reset + " says")
                : pick("오프셋 " + from + "부터 읽습니다 (auto.offset.reset=" + reset + ")",
                        "reading from offset " + from + " (auto.offset.reset=" + reset + ")");
        return pick("파티션 " + partition + ": 그룹이 커밋한 오프셋 " + committed + "은(는) 로그 시작(" + logStart
                        + ") 앞이라 이미 삭제되었습니다 (보존 기간): " + where,
                "Partition " + partition + ": the group's committed offset " + committed + " is before the log start ("
                        + logStart + "), deleted by retention: " + where);
    }

    /** {@code --from-time} before the first event the partitions still hold: each is read from its log start. */
    public String fromTimeBeforeLogStart(String time, String partitions) {
        return pick("--from-time " + time + "은(는) 파티션 " + partitions + "에 남아 있는 첫 메시지보다 앞입니다: 로그 시작부터 읽습니다",
                "--from-time " + time + " is before the first event partition " + partitions
                        + " still holds: reading from the log start");
    }

    /** What Kafka asked of this member at a rebalance could not be done: the program ends with this line. */
    public String assignmentFailed(String partitions, String reason) {
        return pick("할당된 파티션(" + partitions + ")을 준비하지 못했습니다: " + reason,
                "Could not set up the assigned partitions (" + partitions + "): " + reason);
    }
}
