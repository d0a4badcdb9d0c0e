package dev.kafkatutorial.useractivity.doctor;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The lines of the doctor's cluster checks (BrokersCheck, ReplicationCheck): a broker down, a partition's
 * in-sync replicas against min.insync.replicas, its eligible leader replicas, unclean leader election. Each says
 * what it risks and what to do.
 */
public final class ReplicationLines extends Lines {

    public ReplicationLines(Language language) {
        super(language);
    }

    /** Node ids as Kafka's tools print them: {@code 1, 3}; none as {@code -}. */
    static String ids(Collection<Integer> ids) {
        return ids.isEmpty() ? "-" : ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public String brokerDown(int broker, long replicas, long led) {
        return pick("브로커 " + broker + " 꺼짐: 파티션 복제본 " + replicas + "개가 이 브로커에 있고 ISR에서 빠졌습니다"
                        + (led > 0 ? " (리더를 잃고 다른 리더도 없는 파티션 " + led + "개)" : "")
                        + ". 그 파티션들은 복제본이 하나 줄었습니다: 브로커를 하나 더 잃으면 min.insync.replicas=2인 토픽은 "
                        + "acks=all 쓰기를 거부합니다. 다시 켜세요 (./local-broker.sh start-broker " + broker
                        + ", docker start kafka-" + broker + ")",
                "Broker " + broker + " is down: " + replicas + " partition replica(s) on it are out of their ISR"
                        + (led > 0 ? " (" + led + " partition(s) lost their leader with it and have none)" : "")
                        + ". Those partitions have one copy fewer: lose one more broker and topics with "
                        + "min.insync.replicas=2 refuse acks=all writes. Start it again (./local-broker.sh start-broker "
                        + broker + ", docker start kafka-" + broker + ")");
    }

    public String noLeader(int partition, Collection<Integer> replicas, Collection<Integer> elr,
                           Collection<Integer> lastKnownElr, boolean unclean) {
        Collection<Integer> first = !elr.isEmpty() ? elr : lastKnownElr;
        String start = first.isEmpty() ? ids(replicas) : ids(first);
        return pick("파티션 " + partition + ": 리더 없음 - 읽을 수도 쓸 수도 없습니다. 복제본 " + ids(replicas)
                        + ", 리더 후보(ELR) " + ids(elr) + ", 마지막 ELR " + ids(lastKnownElr) + ". 브로커 " + start
                        + "번을 먼저 켜세요" + (first.isEmpty() ? "" : ": 응답받은 이벤트를 모두 가진 복제본입니다")
                        + (unclean ? ". unclean 리더 선출이 켜져 있어 먼저 돌아온 아무 복제본이나 리더가 되고, "
                                + "그 복제본에 없는 이벤트는 사라집니다" : ""),
                "Partition " + partition + ": no leader - it can be neither read nor written. Replicas " + ids(replicas)
                        + ", eligible leader replicas (ELR) " + ids(elr) + ", last known ELR " + ids(lastKnownElr)
                        + ". Start broker(s) " + start + " first"
                        + (first.isEmpty() ? "" : ": they hold every acknowledged event")
                        + (unclean ? ". Unclean leader election is on: whichever replica comes back first becomes "
                                + "leader, and the events it lacks are lost" : ""));
    }

    public String belowMinInsync(int partition, Collection<Integer> isr, Collection<Integer> replicas, int minInsync,
                                 Collection<Integer> outOfSync) {
        return pick("파티션 " + partition + ": ISR " + ids(isr) + " (복제본 " + ids(replicas) + ")이 min.insync.replicas="
                        + minInsync + "보다 적습니다: acks=all 전송은 거부됩니다 (NOT_ENOUGH_REPLICAS). acks=1 전송은 "
                        + "리더 한 곳에만 남습니다. 브로커 " + ids(outOfSync) + "번을 다시 켜세요",
                "Partition " + partition + ": ISR " + ids(isr) + " of replicas " + ids(replicas)
                        + " is below min.insync.replicas=" + minInsync + ": acks=all sends are refused "
                        + "(NOT_ENOUGH_REPLICAS), and an acks=1 send lives on the leader alone. Start broker(s) "
                        + ids(outOfSync) + " again");
    }

    public String underReplicated(int partition, Collection<Integer> isr, Collection<Integer> replicas, int minInsync,
                                  Collection<Integer> outOfSync) {
        int spare = isr.size() - minInsync;
        return pick("파티션 " + partition + ": ISR " + ids(isr) + " (복제본 " + ids(replicas) + "), 브로커 "
                        + ids(outOfSync) + " 동기화 안 됨. 쓰기는 계속되지만 " + (spare == 0
                                ? "브로커를 하나 더 잃으면 acks=all 쓰기가 멈춥니다"
                                : "브로커 " + spare + "개를 더 잃으면 acks=all 쓰기가 멈춥니다")
                        + " (min.insync.replicas=" + minInsync + "). 브로커 " + ids(outOfSync) + "번을 다시 켜세요",
                "Partition " + partition + ": ISR " + ids(isr) + " of replicas " + ids(replicas) + ", broker(s) "
                        + ids(outOfSync) + " out of sync. Writes go on, but " + (spare == 0
                                ? "one more broker lost stops acks=all writes"
                                : spare + " more broker(s) lost stop acks=all writes")
                        + " (min.insync.replicas=" + minInsync + "). Start broker(s) " + ids(outOfSync) + " again");
    }

    public String eligibleLeaders(int partition, Collection<Integer> elr) {
        return pick("파티션 " + partition + ": 리더 후보(ELR, KIP-966) " + ids(elr) + " - ISR이 min.insync.replicas 아래로 "
                        + "줄 때 ISR에서 빠졌지만 하이 워터마크까지의 이벤트를 모두 가지고 있어, 데이터를 잃지 않고 리더가 될 수 "
                        + "있습니다",
                "Partition " + partition + ": eligible leader replicas (ELR, KIP-966) " + ids(elr) + " - they left the "
                        + "ISR when it shrank below min.insync.replicas but hold every event up to the high watermark, "
                        + "so either can become leader without losing data");
    }

    public String uncleanOn(String topic, String bootstrapServers) {
        return pick("토픽 " + topic + "에 unclean.leader.election.enable=true: ISR의 복제본을 모두 잃으면 뒤처진 복제본이 "
                        + "리더가 되고, 그 복제본에 없는 이벤트는 응답받은 것이라도 사라집니다 (lab durability로 확인). 끄세요: "
                        + "./kafka.sh kafka-configs --bootstrap-server " + bootstrapServers + " --alter --entity-type topics "
                        + "--entity-name " + topic + " --add-config unclean.leader.election.enable=false",
                "unclean.leader.election.enable=true on topic " + topic + ": if every in-sync replica is lost, a "
                        + "lagging replica becomes leader and the events it lacks are lost, acknowledged or not (see "
                        + "lab durability). Turn it off: ./kafka.sh kafka-configs --bootstrap-server " + bootstrapServers
                        + " --alter --entity-type topics --entity-name " + topic
                        + " --add-config unclean.leader.election.enable=false");
    }

    public String morePartitions(int more) {
        return pick("... 그리고 파티션 " + more + "개 더", "... and " + more + " more partition(s)");
    }
}
