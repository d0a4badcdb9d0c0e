package dev.kafkatutorial.useractivity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * Every line the two programs print, in Korean (the tutorial's text, to the character) and English.
 * Each method keeps both languages side by side, so a translation is checked against its original at a glance.
 */
public final class Messages {

    private final Language language;
    private final boolean ko;

    public Messages(Language language) {
        this.language = language;
        this.ko = language == Language.ko;
    }

    private String pick(String korean, String english) {
        return language == Language.ko ? korean : english;
    }

    // ---- producer: the tutorial's Step 3.3 lines --------------------------------------------------------

    /** {@code 메시지 전송: {'user_id': 123, 'action': 'login', 'timestamp': 1646092800.0}}: Python's print of the dict. */
    public String sending(UserActivity event) {
        return pick("메시지 전송: ", "Sending message: ") + pythonRepr(event);
    }

    /** {@code 메시지 전송 성공 - 토픽: user_activity, 파티션: 0, 오프셋: 0}, and {@code , 키: 123} for a keyed record. */
    public String sent(String topic, int partition, long offset, String key) {
        return pick("메시지 전송 성공 - 토픽: " + topic + ", 파티션: " + partition + ", 오프셋: " + offset
                        + (key == null ? "" : ", 키: " + key),
                "Message sent successfully - topic: " + topic + ", partition: " + partition + ", offset: " + offset
                        + (key == null ? "" : ", key: " + key));
    }

    public String sendFailed(String reason) {
        return pick("메시지 전송 실패 - ", "Message send failed - ") + reason;
    }

    /** {@code --quiet}'s line on stderr each second. */
    public String producerProgress(long sent, long acknowledged, long perSecond) {
        return pick("진행 - 전송: " + sent + ", 성공: " + acknowledged + " (초당 " + perSecond + "건)",
                "Progress - sent: " + sent + ", acknowledged: " + acknowledged + " (" + perSecond + "/s)");
    }

    public String producerSummary(long sent, long acknowledged, long failed) {
        return pick("프로듀서 종료 - 전송: " + sent + ", 성공: " + acknowledged + ", 실패: " + failed,
                "Producer stopped - sent: " + sent + ", acknowledged: " + acknowledged + ", failed: " + failed);
    }

    /** Acknowledged events per second over the run, added to the summary as kafka-producer-perf-test reports it. */
    public String throughput(double perSecond) {
        String n = String.format(Locale.ROOT, "%.1f", perSecond);
        return pick("초당 " + n + "건", n + " events/s");
    }

    /** Send-to-acknowledgement latency in ms, added to the summary and to {@code --quiet}'s line. */
    public String latency(double average, double p50, double p95, double p99, double max) {
        String figures = String.format(Locale.ROOT, "%.2f, p50 %.2f, p95 %.2f, p99 %.2f, ", average, p50, p95, p99);
        String last = String.format(Locale.ROOT, "%.2f", max);
        return pick("지연(ms) 평균 " + figures + "최대 " + last, "latency ms avg " + figures + "max " + last);
    }

    /** Once connected, the broker stopped answering: events wait (are retried) instead of failing. */
    public String brokerAway(String bootstrapServers, Duration deliveryTimeout) {
        return pick("브로커 연결 끊김: " + bootstrapServers + ". 다시 연결될 때까지 이벤트를 보관하고 재시도합니다 (이벤트당 최대 "
                        + deliveryTimeout.toSeconds() + "초)",
                "Lost the Kafka broker at " + bootstrapServers + ". Events are kept and retried until it is back (up to "
                        + deliveryTimeout.toSeconds() + " s per event)");
    }

    public String brokerBack(String bootstrapServers) {
        return pick("브로커 다시 연결됨: " + bootstrapServers, "Reconnected to the Kafka broker at " + bootstrapServers);
    }

    /** The reason on the failure line of an event whose send() was still waiting for the broker at Ctrl+C. */
    public String stoppedWhileWaiting() {
        return pick("브로커를 기다리는 중에 중지되었습니다", "stopped while waiting for the broker");
    }

    /** Standard output is closed (a reader such as head ended) or full: the producer stops as on Ctrl+C. */
    public String stdoutFailed() {
        return pick("표준 출력에 쓸 수 없어 중지합니다 (파이프가 닫혔거나 디스크가 가득 참)",
                "Stopping: cannot write to standard output (the pipe is closed or the disk is full)");
    }

    // ---- consumer: the tutorial's Step 4.4 lines --------------------------------------------------------

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

    /** {@code 🟢 사용자 123가 로그인했습니다.} or {@code 💰 사용자 456가 500원 결제했습니다.} */
    public String describe(UserActivity event) {
        long user = event.userId();
        Action action = Action.byWireName(event.action());
        if (action == null) {
            String name = escape(event.action());
            return ko ? Action.UNKNOWN_EMOJI + " 사용자 " + user + "가 알 수 없는 활동(" + name + ")을 했습니다."
                    : Action.UNKNOWN_EMOJI + " User " + user + " did an unknown action (" + name + ").";
        }
        String e = action.emoji();
        return switch (action) {
            case LOGIN -> ko ? e + " 사용자 " + user + "가 로그인했습니다." : e + " User " + user + " logged in.";
            case LOGOUT -> ko ? e + " 사용자 " + user + "가 로그아웃했습니다." : e + " User " + user + " logged out.";
            case PAGE_VIEW -> ko ? e + " 사용자 " + user + "가 페이지를 조회했습니다."
                    : e + " User " + user + " viewed a page.";
            case ADD_TO_CART -> ko ? e + " 사용자 " + user + "가 장바구니에 상품을 담았습니다."
                    : e + " User " + user + " added an item to the cart.";
            case PAYMENT -> event.amount() == null
                    ? (ko ? e + " 사용자 " + user + "가 결제했습니다." : e + " User " + user + " made a payment.")
                    : (ko ? e + " 사용자 " + user + "가 " + event.amount() + "원 결제했습니다."
                            : e + " User " + user + " paid " + event.amount() + " won.");
            case SEARCH -> ko ? e + " 사용자 " + user + "가 검색했습니다." : e + " User " + user + " searched.";
        };
    }

    public String skipped(int partition, long offset, String reason, String excerpt) {
        return pick("잘못된 메시지를 건너뜁니다 (파티션: " + partition + ", 오프셋: " + offset + "): " + reason + " | 값: ",
                "Skipping malformed message (partition: " + partition + ", offset: " + offset + "): " + reason
                        + " | value: ")
                + excerpt;
    }

    public String nullValue() {
        return pick("값이 없습니다 (null)", "the value is null");
    }

    /** {@code ======= 파티션 할당: 0, 2 =======}; a consumer with nothing to read says so. */
    public String assigned(List<Integer> partitions) {
        return pick("======= 파티션 할당: " + list(partitions, "없음") + " =======",
                "======= Partitions assigned: " + list(partitions, "none") + " =======");
    }

    public String revoked(List<Integer> partitions) {
        return pick("======= 파티션 해제: " + list(partitions, "없음") + " =======",
                "======= Partitions revoked: " + list(partitions, "none") + " =======");
    }

    private static String list(List<Integer> partitions, String none) {
        return partitions.isEmpty() ? none
                : partitions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public String consumerSummary(long read, long skipped) {
        return pick("컨슈머 종료 - 처리한 메시지: " + read + ", 건너뛴 메시지: " + skipped,
                "Consumer stopped - processed: " + read + ", skipped: " + skipped);
    }

    /** The summary, with the total lag left appended when it is known. */
    public String consumerSummary(long read, long skipped, Long lagLeft) {
        return consumerSummary(read, skipped) + (lagLeft == null ? "" : pick(", 남은 메시지: ", ", lag left: ") + lagLeft);
    }

    // ---- consumer --explain: why the consumer reads where it reads --------------------------------------

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

    // ---- consumer --audit: lost and duplicated events, by event id ---------------------------------------

    public String auditFile(String group, java.nio.file.Path file, long readBefore) {
        return pick("감사: 그룹 " + group + "의 기록 " + file + " (전에 읽은 이벤트 " + readBefore + "개)",
                "Audit: group " + group + "'s record " + file + " (" + readBefore + " events read before)");
    }

    public String auditFileFailed(java.nio.file.Path file, String reason) {
        return pick("감사 기록 파일을 쓸 수 없습니다: " + file + " (" + reason + ")",
                "Cannot write the audit record " + file + " (" + reason + ")");
    }

    public String auditFirstDuplicate(String run, String id, int partition, long offset) {
        return pick("감사: 중복 - 이벤트 " + id + "를 다시 읽었습니다 (파티션 " + partition + ", 오프셋 " + offset
                        + "; 프로듀서 실행 " + run + "의 첫 중복)",
                "Audit: duplicate - event " + id + " read again (partition " + partition + ", offset " + offset
                        + "; producer run " + run + "'s first duplicate)");
    }

    public String auditFirstGap(String run, long from, long to) {
        return pick("감사: 빈 번호 - 프로듀서 실행 " + run + "의 순번 " + range(from, to) + "을(를) 아직 못 읽었습니다",
                "Audit: gap - producer run " + run + "'s sequence " + range(from, to) + " not seen so far");
    }

    public String auditTableHeader() {
        return pick("감사 결과 (프로듀서 실행별): 받음, 중복, 빠진 번호, 순서가 바뀐 도착",
                "Audit (per producer run): received, duplicates, missing, out of order");
    }

    public String auditTableRow(String run, long received, long duplicates, long missing, long outOfOrder,
                                java.util.Map<Long, Long> gaps) {
        String ranges = gaps.entrySet().stream().limit(5).map(g -> range(g.getKey(), g.getValue()))
                .collect(Collectors.joining(", ")) + (gaps.size() > 5 ? ", …" : "");
        return pick("  " + run + ": 받음 " + received + ", 중복 " + duplicates + ", 빠짐 " + missing
                        + (missing > 0 ? " (" + ranges + ")" : "") + ", 순서 바뀜 " + outOfOrder,
                "  " + run + ": received " + received + ", duplicates " + duplicates + ", missing " + missing
                        + (missing > 0 ? " (" + ranges + ")" : "") + ", out of order " + outOfOrder);
    }

    public String auditWithoutId(long count) {
        return pick("  이벤트 ID 없는 레코드: " + count, "  records without an event id: " + count);
    }

    private static String range(long from, long to) {
        return from == to ? String.valueOf(from) : from + "-" + to;
    }

    // ---- exactly once: transactions, isolation levels, the processor ---------------------------------------

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

    public String transactionFailed(String reason) {
        return pick("트랜잭션 실패 - " + reason, "Transaction failed - " + reason);
    }

    public String transactionSummary(long committed, long aborted) {
        return pick("트랜잭션 - 커밋: " + committed + ", 중단: " + aborted,
                "Transactions - committed: " + committed + ", aborted: " + aborted);
    }

    /**
     * Where a transaction's records landed: {@code 오프셋 20-29} on one partition, else each partition's range
     * ({@code 파티션 0: 오프셋 20-25, 파티션 2: 오프셋 3-6}). {@code ranges} maps partition to {first, last}.
     */
    public String offsetRanges(SortedMap<Integer, long[]> ranges) {
        if (ranges.size() == 1) {
            long[] range = ranges.values().iterator().next();
            return pick("오프셋 ", "offsets ") + range[0] + "-" + range[1];
        }
        return ranges.entrySet().stream()
                .map(r -> pick("파티션 " + r.getKey() + ": 오프셋 ", "partition " + r.getKey() + ": offsets ")
                        + r.getValue()[0] + "-" + r.getValue()[1])
                .collect(Collectors.joining(", "));
    }

    /** The fenced producer's (or processor's) one line before it exits 1. */
    public String fenced(String transactionalId) {
        return pick("펜싱됨: 같은 transactional.id(" + transactionalId + ")로 다른 프로듀서가 시작해 이 프로듀서를 "
                        + "대신합니다. 종료합니다",
                "Fenced: another producer started with the same transactional.id (" + transactionalId
                        + ") and takes over from this one. Exiting");
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

    // ---- the consumer's output, commits and start offsets ------------------------------------------------

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

    public String noAnswer(Duration waited) {
        return pick("브로커가 " + waited.toSeconds() + "초 동안 응답하지 않음",
                "no answer from the broker within " + waited.toSeconds() + " s");
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

    // ---- failures that end a program ---------------------------------------------------------------------

    public String brokerUnresolvable(String bootstrapServers) {
        return brokerUnresolvable(bootstrapServers, "--bootstrap-server");
    }

    /** {@code source}: where the address came from, e.g. {@code $KAFKA_BOOTSTRAP_SERVERS}, so the advice is right. */
    public String brokerUnresolvable(String bootstrapServers, String source) {
        return pick("브로커 주소를 찾을 수 없습니다: " + bootstrapServers + " (호스트 이름을 DNS에서 찾지 못함). "
                        + source + "를 확인하세요",
                "Cannot resolve the Kafka broker address " + bootstrapServers + " (no such host name). "
                        + "Check " + source);
    }

    public String brokerUnreachable(String bootstrapServers, Duration waited) {
        return pick("브로커에 연결할 수 없습니다: " + bootstrapServers + " (" + waited.toSeconds() + "초 동안 응답 없음). "
                        + "브로커가 실행 중인지 확인하세요: docker-compose up -d, 또는 Docker 없이 "
                        + "mvn -q test-compile exec:java@broker",
                "Cannot reach a Kafka broker at " + bootstrapServers + " (no answer within " + waited.toSeconds()
                        + " s). Check that it is running: docker-compose up -d, or without Docker "
                        + "mvn -q test-compile exec:java@broker");
    }

    /** A TCP connection opened, but in all that time no Kafka response came back: something else listens there. */
    public String notKafka(String bootstrapServers, Duration waited) {
        return notKafka(bootstrapServers, waited, "--bootstrap-server");
    }

    /** {@code source}: where the address came from (as for {@link #brokerUnresolvable(String, String)}). */
    public String notKafka(String bootstrapServers, Duration waited, String source) {
        return pick(bootstrapServers + " 주소는 응답하지만 카프카 브로커가 아닙니다 (" + waited.toSeconds()
                        + "초 동안 카프카 응답 없음). " + source + "의 포트를 확인하세요",
                bootstrapServers + " answers, but it is not a Kafka broker (no Kafka response within "
                        + waited.toSeconds() + " s). Check the port in " + source);
    }

    public String topicUnavailable(String topic, String reason) {
        return pick("토픽 " + topic + "을(를) 사용할 수 없습니다: " + reason + ". 토픽을 만드세요: ./create_topic.sh " + topic
                        + " 1 1",
                "Topic " + topic + " is not available: " + reason + ". Create it: ./create_topic.sh " + topic + " 1 1");
    }

    public String noSuchPartition(String topic, int partition, int partitions) {
        return pick("토픽 " + topic + "에 파티션 " + partition + "이(가) 없습니다 (파티션 수: " + partitions + ")",
                "Topic " + topic + " has no partition " + partition + " (it has " + partitions + ")");
    }

    public String authenticationFailed(String reason) {
        return pick("인증 실패: " + reason + ". --command-config 파일의 보안 설정(사용자 이름, 비밀번호)을 확인하세요",
                "Authentication failed: " + reason
                        + ". Check the security settings (user name, password) in the --command-config file");
    }

    public String notAuthorized(String reason) {
        return pick("권한 없음: " + reason + ". 이 사용자에게 토픽(과 그룹)에 대한 권한(ACL)이 있는지 확인하세요",
                "Not authorized: " + reason + ". Check that this user has ACLs for the topic (and the group)");
    }

    // ---- doctor: one line per check, and the producer's --explain ------------------------------------------

    /** {@code [정상] ...}: a check's verdict (ok, warning, problem) and its line. */
    public String doctorLine(String verdict, String line) {
        String label = switch (verdict) {
            case "ok" -> pick("정상", "ok");
            case "warning" -> pick("주의", "warning");
            default -> pick("문제", "problem");
        };
        return "[" + label + "] " + line;
    }

    public String doctorBroker(long millis, String clusterId, int brokers, int controller) {
        return pick("브로커 응답 " + millis + "ms - 클러스터 ID: " + clusterId + ", 브로커 " + brokers + "개, 컨트롤러: " + controller,
                "Broker answered in " + millis + " ms - cluster id: " + clusterId + ", " + brokers + " broker(s), controller: "
                        + controller);
    }

    public String doctorMetadataVersion(String level) {
        return pick("metadata.version 기능 수준: " + level, "metadata.version feature level: " + level);
    }

    public String doctorTopic(String topic, int partitions) {
        return pick("토픽 " + topic + ": 파티션 " + partitions + "개", "Topic " + topic + ": " + partitions + " partition(s)");
    }

    public String doctorTopicWillBeCreated(String topic, String partitions, String replicationFactor) {
        return pick("토픽 " + topic + " 없음 - 첫 전송 때 브로커가 만듭니다 (파티션 " + partitions + "개, 복제본 " + replicationFactor
                        + "개). 원하는 설정이 있으면 kafka-topics.sh --create로 먼저 만드세요",
                "Topic " + topic + " does not exist - the broker creates it on the first send (" + partitions
                        + " partition(s), replication factor " + replicationFactor
                        + "). To choose them, create it first with kafka-topics.sh --create");
    }

    public String doctorTopicMissing(String topic) {
        return pick("토픽 " + topic + " 없음, 브로커가 자동으로 만들지 않습니다 (auto.create.topics.enable=false). "
                        + "kafka-topics.sh --create로 만드세요",
                "Topic " + topic + " does not exist and the broker will not create it (auto.create.topics.enable=false). "
                        + "Create it with kafka-topics.sh --create");
    }

    public String doctorOneCopy() {
        return pick("복제본 1개: 이벤트는 브로커 한 곳에만 있습니다. 그 브로커를 잃으면 데이터도 잃습니다. "
                        + "운영에서는 복제본 3개, min.insync.replicas=2를 쓰세요",
                "Replication factor 1: each event lives on one broker only. Lose that broker and the data is lost. "
                        + "In production use replication factor 3 with min.insync.replicas=2");
    }

    public String doctorMinInsyncOne(int replicationFactor) {
        return pick("복제본 " + replicationFactor + "개, min.insync.replicas=1: acks=all이어도 리더 혼자 받고 응답할 수 있어, "
                        + "응답받은 이벤트도 그 리더와 함께 잃을 수 있습니다. min.insync.replicas=2로 올리세요",
                "Replication factor " + replicationFactor + " with min.insync.replicas=1: even with acks=all the leader "
                        + "alone may acknowledge, so an acknowledged event can be lost with it. Raise min.insync.replicas to 2");
    }

    public String doctorMinInsyncAboveRf(int replicationFactor, int minInsync) {
        return pick("min.insync.replicas=" + minInsync + "가 복제본 수(" + replicationFactor + "개)보다 큽니다: acks=all인 "
                        + "프로듀서는 절대 쓸 수 없습니다 (NOT_ENOUGH_REPLICAS). min.insync.replicas를 " + replicationFactor
                        + " 이하로 낮추세요",
                "min.insync.replicas=" + minInsync + " is above the replication factor (" + replicationFactor
                        + "): no acks=all producer can ever write (NOT_ENOUGH_REPLICAS). Lower min.insync.replicas to "
                        + replicationFactor + " or less");
    }

    public String doctorReplicationOk(int replicationFactor, int minInsync) {
        return pick("복제본 " + replicationFactor + "개, min.insync.replicas=" + minInsync + ": 응답받은 이벤트는 최소 "
                        + minInsync + "곳에 있습니다. 브로커 " + (replicationFactor - minInsync) + "개를 잃어도 계속 쓸 수 있습니다",
                "Replication factor " + replicationFactor + ", min.insync.replicas=" + minInsync + ": an acknowledged "
                        + "event is on at least " + minInsync + " brokers; writes go on with " + (replicationFactor - minInsync)
                        + " broker(s) lost");
    }

    public String doctorOffline(long partitions) {
        return pick("리더가 없는 파티션 " + partitions + "개: 읽을 수도 쓸 수도 없습니다. 꺼진 브로커를 다시 켜세요",
                partitions + " partition(s) without a leader: they can be neither read nor written. Restart the brokers that are down");
    }

    public String doctorUnderReplicated(long partitions) {
        return pick("복제가 덜 된 파티션 " + partitions + "개: 동기화된 복제본이 모자랍니다. 브로커 상태를 확인하세요",
                partitions + " under-replicated partition(s): fewer replicas in sync than assigned. Check the brokers");
    }

    public String doctorInSync() {
        return pick("모든 파티션에 리더가 있고 모든 복제본이 동기화되어 있습니다",
                "Every partition has a leader and all its replicas in sync");
    }

    public String doctorGroup(String group, String state, int members) {
        return pick("그룹 " + group + ": 상태 " + state + ", 멤버 " + members + "명",
                "Group " + group + ": state " + state + ", " + members + " member(s)");
    }

    public String doctorIdleMembers(int members, int partitions, int idle) {
        return pick("멤버 " + members + "명, 파티션 " + partitions + "개: 한 파티션은 그룹의 멤버 한 명만 읽으므로 " + idle
                        + "명은 할 일이 없습니다. 파티션을 늘리거나 멤버를 줄이세요",
                members + " members on " + partitions + " partitions: a partition is read by one member of a group, so "
                        + idle + " sit idle. Add partitions or run fewer members");
    }

    public String doctorNoCommits(String group) {
        return pick("그룹 " + group + "은 이 토픽에 커밋한 오프셋이 없습니다: 처음 읽을 때 auto.offset.reset을 따릅니다",
                "Group " + group + " has no committed offset on this topic: its first read follows auto.offset.reset");
    }

    public String doctorLag(int partition, long committed, long end, long lag) {
        return pick("파티션 " + partition + ": 커밋 " + committed + ", 끝 " + end + ", 지연 " + lag + "건",
                "Partition " + partition + ": committed " + committed + ", end " + end + ", lag " + lag);
    }

    public String doctorLagBeyondRetention(int partition, long committed, long logStart, long lost) {
        return pick("파티션 " + partition + ": 커밋 " + committed + " < 로그 시작 " + logStart + " - 그룹이 읽기 전에 이벤트 "
                        + lost + "건이 삭제되었습니다 (보존 기간). 그룹은 auto.offset.reset에 따라 건너뜁니다. 보존 기간을 늘리거나 "
                        + "컨슈머를 더 자주 실행하세요",
                "Partition " + partition + ": committed " + committed + " < log start " + logStart + " - " + lost
                        + " event(s) were deleted (retention) before the group read them; it will skip ahead by "
                        + "auto.offset.reset. Keep events longer or run the consumer more often");
    }

    /** {@code --explain}: what acks=all means on this topic's real replication. */
    public String explainAcks(int replicas, int minInsync) {
        String consequence;
        if (minInsync > replicas) {
            consequence = pick("min.insync.replicas가 복제본 수보다 커서 어떤 전송도 성공할 수 없습니다.",
                    "min.insync.replicas is above the replica count: no send can ever succeed.");
        } else if (minInsync == 1) {
            consequence = pick("브로커 하나를 잃으면 데이터도 잃습니다.", "Lose one broker and the data may be lost.");
        } else {
            consequence = pick("응답받은 이벤트는 최소 " + minInsync + "곳에 있어, 브로커 " + (minInsync - 1)
                            + "개를 잃어도 남습니다. 동기화된 복제본이 " + minInsync + "개보다 적으면 전송이 거부됩니다.",
                    "An acknowledged event is on at least " + minInsync + " brokers and survives losing "
                            + (minInsync - 1) + ". With fewer than " + minInsync + " in sync, sends are refused.");
        }
        return pick("acks=all: 이 토픽은 복제본 " + replicas + "개 - 동기화된 복제본 모두(최소 " + minInsync + "개)가 받으면 응답합니다. ",
                "acks=all: this topic has " + replicas + " replica(s) - the leader answers once every in-sync replica "
                        + "(at least " + minInsync + ") has the event. ") + consequence;
    }

    public String explainAcksUnknown(String reason) {
        return pick("acks=all: 토픽의 복제 설정을 읽을 수 없습니다 - ", "acks=all: cannot read the topic's replication - ")
                + reason;
    }

    /** {@code 키 123 → murmur2 해시 % 파티션 3개 = 파티션 2}, and whether the broker put it there. */
    public String explainKey(String key, int partitions, int computed, int reported) {
        String line = pick("키 " + key + " → murmur2 해시 % 파티션 " + partitions + "개 = 파티션 " + computed,
                "key " + key + " → murmur2 hash % " + partitions + " partitions = partition " + computed);
        return computed == reported ? line
                : line + pick(" (브로커가 알린 파티션은 " + reported + ": 파티션 수가 바뀌었거나 다른 파티셔너입니다)",
                        " (the broker reported partition " + reported + ": the partition count changed, or another partitioner)");
    }

    public String explainSticky(int partition) {
        return pick("키 없음 → 내장 파티셔너는 배치 하나가 찰 때까지 한 파티션(" + partition + ")에 보냅니다 (sticky)",
                "no key → the built-in partitioner keeps one partition (" + partition + ") until a batch is full (sticky)");
    }

    // ---- Python's repr, so the "메시지 전송:" line reads exactly as the tutorial prints its dict ------------

    static String pythonRepr(UserActivity event) {
        StringBuilder sb = new StringBuilder(96)
                .append("{'user_id': ").append(event.userId())
                .append(", 'action': ").append(pythonString(event.action()))
                .append(", 'timestamp': ").append(UserActivity.pythonFloat(event.timestamp()));
        if (event.amount() != null) {
            sb.append(", 'amount': ").append(event.amount());
        }
        return sb.append('}').toString();
    }

    private static String pythonString(String s) {
        return "'" + escape(s).replace("'", "\\'") + "'";
    }

    /** Backslash-escapes control characters, so a foreign value can never garble the terminal. */
    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
