package dev.kafkatutorial.useractivity.doctor;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.time.Duration;

/** The doctor's lines: one per check, ok / warning / problem, and what to do. */
public final class DoctorLines extends Lines {

    public DoctorLines(Language language) {
        super(language);
    }

    /** {@code [정상] ...}: a check's verdict (ok, warning, problem) and its line. */
    public String doctorLine(String verdict, String line) {
        String label = switch (verdict) {
            case "ok" -> pick("정상", "ok");
            case "warning" -> pick("주의", "warning");
            default -> pick("문제", "problem");
        };
        return "[" + label + "] " + line;
    }

    /** {@code controller}: the active controller's node id, or {@link #doctorControllerUnknown} and why. */
    public String doctorBroker(long millis, String clusterId, int brokers, String controller) {
        return pick("브로커 응답 " + millis + "ms - 클러스터 ID: " + clusterId + ", 브로커 " + brokers + "개, 활성 컨트롤러: "
                        + controller,
                "Broker answered in " + millis + " ms - cluster id: " + clusterId + ", " + brokers
                        + " broker(s), active controller: " + controller);
    }

    public String doctorControllerUnknown(String why) {
        return pick("알 수 없음 (" + why + ")", "unknown (" + why + ")");
    }

    public String doctorQuorumNotAuthorized() {
        return pick("메타데이터 쿼럼을 물을 권한 없음: 클러스터에 대한 DESCRIBE가 필요합니다",
                "not authorized to ask the metadata quorum: it takes DESCRIBE on the cluster");
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

    /**
     * min.insync.replicas above the replication factor: Kafka caps it at the replication factor (the partition's
     * effective minimum), so acks=all waits for every replica, no more.
     */
    public String doctorMinInsyncCapped(int replicationFactor, int minInsync) {
        String capped = pick("min.insync.replicas=" + minInsync + "가 복제본 수(" + replicationFactor + "개)보다 큽니다: "
                        + "카프카는 " + replicationFactor + "(으)로 낮춰 씁니다",
                "min.insync.replicas=" + minInsync + " is above the replication factor (" + replicationFactor
                        + "): Kafka caps it at " + replicationFactor);
        if (replicationFactor == 1) {
            return capped + pick(". acks=all 쓰기는 리더 혼자 받아 성공하지만, 이벤트는 브로커 한 곳에만 있어 그 브로커를 잃으면 "
                            + "데이터도 잃습니다. 운영에서는 복제본 3개, min.insync.replicas=2를 쓰세요",
                    ", so acks=all writes succeed with the leader alone; each event lives on one broker only, and "
                            + "losing it loses the data. In production use replication factor 3 with min.insync.replicas=2");
        }
        return capped + pick(". acks=all은 복제본 " + replicationFactor + "개가 모두 동기화되어 있어야 하므로, 브로커 하나만 "
                        + "꺼져도 쓰기가 거부됩니다 (NOT_ENOUGH_REPLICAS). min.insync.replicas를 " + replicationFactor
                        + " 이하로 정해 실제 동작을 드러내세요",
                ", so acks=all needs all " + replicationFactor + " replicas in sync: with one broker down, writes are "
                        + "refused (NOT_ENOUGH_REPLICAS). Set min.insync.replicas to " + replicationFactor
                        + " or less to say what holds");
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

    /** A check's request that got no answer: which Admin call, about what (a topic, a group). */
    public String doctorTimedOut(String call, String subject, Duration waited) {
        return pick(call + "(" + subject + ")에 " + waited.toSeconds() + "초 동안 응답이 없습니다: 그 요청을 맡은 브로커(파티션 "
                        + "리더, 그룹 코디네이터)가 꺼졌거나 응답하지 않습니다. 브로커 상태를 확인하세요",
                "No answer within " + waited.toSeconds() + " s to " + call + " (" + subject + "): the broker it needs "
                        + "(a partition's leader, the group's coordinator) is down or not answering. Check the brokers");
    }

    public String doctorRequestFailed(String call, String subject, String reason) {
        return pick(call + "(" + subject + ") 실패: " + reason, call + " (" + subject + ") failed: " + reason);
    }

    public String doctorConsumerProtocolOn(short level) {
        return pick("group.version " + level + ": consumer 프로토콜(KIP-848)을 쓸 수 있습니다 (consumer --group-protocol consumer)",
                "group.version " + level + ": the consumer protocol (KIP-848) is on (consumer --group-protocol consumer)");
    }

    public String doctorConsumerProtocolOff(String bootstrapServers) {
        return pick("group.version 0: consumer 프로토콜이 꺼져 있습니다. --group-protocol consumer를 쓰는 실습에 필요합니다: "
                        + "./kafka.sh kafka-features --bootstrap-server " + bootstrapServers + " upgrade --feature group.version=1",
                "group.version 0: the consumer protocol is off; the --group-protocol consumer exercise needs it: "
                        + "./kafka.sh kafka-features --bootstrap-server " + bootstrapServers + " upgrade --feature group.version=1");
    }

    public String doctorShareGroupsOn(short level) {
        return pick("share.version " + level + ": 공유 그룹(KIP-932, 큐)을 쓸 수 있습니다 (consumer --share-group)",
                "share.version " + level + ": share groups (KIP-932, queues) are on (consumer --share-group)");
    }

    public String doctorShareGroupsOff(String bootstrapServers) {
        return pick("share.version 0: 공유 그룹이 꺼져 있습니다. consumer --share-group과 lab queue에 필요합니다: "
                        + "./kafka.sh kafka-features --bootstrap-server " + bootstrapServers + " upgrade --feature share.version=1",
                "share.version 0: share groups are off; consumer --share-group and lab queue need them: "
                        + "./kafka.sh kafka-features --bootstrap-server " + bootstrapServers + " upgrade --feature share.version=1");
    }

    /** {@code groups: 3 - g1 (Classic, consumer), g2 (Consumer, consumer), q (Share, share)}. */
    public String doctorGroupKinds(int count, String each) {
        return pick("그룹 " + count + "개 (종류, 프로토콜): " + each, count + " group(s) (type, protocol): " + each);
    }

    /** A consumer group on the consumer protocol: the group's epoch, and each member's epoch. */
    public String doctorConsumerProtocolGroup(String group, int groupEpoch, String memberEpochs) {
        return pick("그룹 " + group + ": consumer 프로토콜, 그룹 에포크 " + groupEpoch + ", 멤버 에포크 " + memberEpochs
                        + " (브로커가 할당하고, 바뀌는 파티션만 옮깁니다)",
                "Group " + group + ": consumer protocol, group epoch " + groupEpoch + ", member epochs " + memberEpochs
                        + " (the broker assigns; only partitions that change hands move)");
    }

    /** A classic group: its generation is the whole group's, its assignor a member's. */
    public String doctorClassicGroup(String group, String assignor) {
        return pick("그룹 " + group + ": classic 프로토콜" + (assignor.isEmpty() ? "" : ", 할당 전략 " + assignor)
                        + " (리밸런스마다 모든 멤버가 다시 참여합니다)",
                "Group " + group + ": classic protocol" + (assignor.isEmpty() ? "" : ", assignor " + assignor)
                        + " (every member rejoins at each rebalance)");
    }

    public String doctorShareGroup(String group, String state, int members, int epoch, String assignments) {
        return pick("공유 그룹 " + group + ": 상태 " + state + ", 멤버 " + members + "명, 그룹 에포크 " + epoch
                        + (assignments.isEmpty() ? "" : " - " + assignments) + " (멤버들이 파티션이 아니라 메시지를 나눕니다)",
                "Share group " + group + ": state " + state + ", " + members + " member(s), group epoch " + epoch
                        + (assignments.isEmpty() ? "" : " - " + assignments) + " (members share records, not partitions)");
    }
}
