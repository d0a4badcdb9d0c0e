package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.time.Duration;
import java.util.Locale;

/** The producer's lines: the tutorial's Step 3.3 ({@code 메시지 전송: ...}), its summary, outages and --explain. */
public final class ProducerLines extends Lines {

    public ProducerLines(Language language) {
        super(language);
    }

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

    /**
     * Once connected, the broker stopped answering: events wait (are retried) instead of failing. Under
     * transactions the open transaction waits: its commit is retried, its events kept and, once expired, sent again.
     */
    public String brokerAway(String bootstrapServers, Duration deliveryTimeout, boolean transactional) {
        if (transactional) {
            return pick("브로커 연결 끊김: " + bootstrapServers + ". 다시 연결될 때까지 트랜잭션 커밋을 재시도합니다 (이벤트는 "
                            + "보관되며, " + deliveryTimeout.toSeconds() + "초가 지나면 다음 트랜잭션에서 다시 보냅니다)",
                    "Lost the Kafka broker at " + bootstrapServers + ". The transaction's commit is retried until it is "
                            + "back (its events are kept; after " + deliveryTimeout.toSeconds()
                            + " s they go again in the next transaction)");
        }
        return brokerAway(bootstrapServers, deliveryTimeout);
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

    /** {@code --explain}: what acks=all means on this topic's real replication. */
    /**
     * {@code minInsync}: the topic's min.insync.replicas. Kafka caps it at the replica count (the partition's
     * effective minimum), so above it the line says so and goes on with the capped value.
     */
    public String explainAcks(int replicas, int minInsync) {
        int effective = Math.min(minInsync, replicas);
        String capped = minInsync <= replicas ? ""
                : pick("min.insync.replicas=" + minInsync + "가 복제본 수보다 커서 카프카는 " + effective + "(으)로 낮춰 씁니다. ",
                        "min.insync.replicas=" + minInsync + " is above the replica count: Kafka caps it at " + effective + ". ");
        String consequence;
        if (effective == 1) {
            consequence = pick("브로커 하나를 잃으면 데이터도 잃습니다.", "Lose one broker and the data may be lost.");
        } else {
            consequence = pick("응답받은 이벤트는 최소 " + effective + "곳에 있어, 브로커 " + (effective - 1)
                            + "개를 잃어도 남습니다. 동기화된 복제본이 " + effective + "개보다 적으면 전송이 거부됩니다.",
                    "An acknowledged event is on at least " + effective + " brokers and survives losing "
                            + (effective - 1) + ". With fewer than " + effective + " in sync, sends are refused.");
        }
        return pick("acks=all: 이 토픽은 복제본 " + replicas + "개 - 동기화된 복제본 모두(최소 " + effective + "개)가 받으면 응답합니다. ",
                "acks=all: this topic has " + replicas + " replica(s) - the leader answers once every in-sync replica "
                        + "(at least " + effective + ") has the event. ") + capped + consequence;
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

    /** {@code --quiet} with {@code --output json}: refused, one prints no line per event, the other one each. */
    public String quietWithJson() {
        return pick("--quiet는 이벤트마다 줄을 찍지 않고, --output json은 이벤트마다 JSON 줄을 찍습니다: 둘 중 하나만 주세요",
                "--quiet prints no line per event and --output json one JSON line per event: give one of them");
    }

    /** {@code --quiet} with {@code --explain}: refused, --explain's lines follow each event's line. */
    public String quietWithExplain() {
        return pick("--explain은 이벤트마다 그 줄 뒤에 설명을 붙이는데 --quiet는 이벤트마다 줄을 찍지 않습니다: 둘 중 하나만 주세요",
                "--explain explains each event after its line, and --quiet prints no line per event: give one of them");
    }

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
}
