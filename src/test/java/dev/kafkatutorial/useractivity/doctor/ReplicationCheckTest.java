package dev.kafkatutorial.useractivity.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The doctor's cluster checks on partitions as Kafka's Admin describes them: brokers down (fenced, or named as a
 * replica and not registered), the ISR against min.insync.replicas, no leader with its eligible leader replicas
 * (KIP-966), unclean leader election on. A healthy cluster gets no line from either check.
 */
class ReplicationCheckTest {

    private static final ReplicationLines EN = new ReplicationLines(Language.en);

    private static Node node(int id) {
        return new Node(id, "localhost", 9091 + id);
    }

    private static List<Node> nodes(int... ids) {
        return Arrays.stream(ids).mapToObj(ReplicationCheckTest::node).toList();
    }

    private static TopicPartitionInfo partition(Integer leader, List<Node> replicas, List<Node> isr, List<Node> elr,
                                                List<Node> lastKnownElr) {
        return new TopicPartitionInfo(0, leader == null ? null : node(leader), replicas, isr, elr, lastKnownElr);
    }

    private static List<Finding> replication(TopicPartitionInfo partition, int minInsync, boolean unclean) {
        return ReplicationCheck.findings("t", "localhost:9092", List.of(partition), minInsync, unclean, EN);
    }

    @Test
    void allInSyncIsNoLine() {
        assertThat(replication(partition(1, nodes(1, 2, 3), nodes(1, 2, 3), List.of(), List.of()), 2, false)).isEmpty();
        assertThat(BrokersCheck.findings(nodes(1, 2, 3), List.of(partition(1, nodes(1, 2, 3), nodes(1, 2, 3),
                List.of(), List.of())), EN)).isEmpty();
    }

    @Test
    void oneReplicaOutOfSyncAtMinInsyncIsAWarningThatOneMoreStopsWrites() {
        List<Finding> found = replication(partition(1, nodes(1, 2, 3), nodes(1, 3), List.of(), List.of()), 2, false);

        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("isr");
            assertThat(f.verdict()).isEqualTo(Finding.Verdict.warning);
            assertThat(f.line()).isEqualTo("Partition 0: ISR 1, 3 of replicas 1, 2, 3, broker(s) 2 out of sync. Writes "
                    + "go on, but one more broker lost stops acks=all writes (min.insync.replicas=2). Start broker(s) 2 "
                    + "again");
        });
    }

    @Test
    void anIsrBelowMinInsyncIsAProblemAndItsEligibleLeadersAreNamed() {
        List<Finding> found = replication(partition(1, nodes(1, 2, 3), nodes(1), nodes(3), List.of()), 2, false);

        assertThat(found).extracting(Finding::check, Finding::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple("isr", Finding.Verdict.problem),
                org.assertj.core.groups.Tuple.tuple("elr", Finding.Verdict.ok));
        assertThat(found.get(0).line()).contains("ISR 1 of replicas 1, 2, 3 is below min.insync.replicas=2",
                "acks=all sends are refused (NOT_ENOUGH_REPLICAS)", "Start broker(s) 2, 3 again");
        assertThat(found.get(1).line()).contains("eligible leader replicas (ELR, KIP-966) 3");
    }

    @Test
    void noLeaderIsAProblemThatSaysWhichBrokerToStartFirst() {
        List<Finding> found = replication(partition(null, nodes(1, 2, 3), List.of(), nodes(2), nodes(2)), 2, true);

        assertThat(found).extracting(Finding::check).containsExactly("isr", "unclean");
        assertThat(found.get(0).verdict()).isEqualTo(Finding.Verdict.problem);
        assertThat(found.get(0).line()).startsWith("Partition 0: no leader - it can be neither read nor written.")
                .contains("Start broker(s) 2 first: they hold every acknowledged event",
                        "Unclean leader election is on: whichever replica comes back first becomes leader");
        assertThat(found.get(1).line()).startsWith("unclean.leader.election.enable=true on topic t: ")
                .contains("--add-config unclean.leader.election.enable=false");
    }

    @Test
    void minInsyncAboveTheReplicationFactorNeedsEveryReplica() {
        // Kafka 4 caps min.insync.replicas at the replication factor: RF 1 with 2 writes with its one replica.
        assertThat(replication(partition(1, nodes(1), nodes(1), List.of(), List.of()), 2, false)).isEmpty();
    }

    @Test
    void aFencedBrokerAndOneOnlyNamedAsAReplicaAreDown() {
        List<Node> cluster = List.of(node(1), new Node(2, "localhost", 9093, null, true), node(3));
        TopicPartitionInfo led = partition(1, nodes(1, 2, 3), nodes(1, 3), List.of(), List.of());
        TopicPartitionInfo leaderless = partition(null, nodes(4), List.of(), List.of(), List.of());

        List<Finding> found = BrokersCheck.findings(cluster, List.of(led, leaderless), EN);

        assertThat(found).extracting(Finding::line).containsExactly(
                "Broker 2 is down: 1 partition replica(s) on it are out of their ISR. Those partitions have one copy "
                        + "fewer: lose one more broker and topics with min.insync.replicas=2 refuse acks=all writes. "
                        + "Start it again (./local-broker.sh start-broker 2, docker start kafka-2)",
                "Broker 4 is down: 1 partition replica(s) on it are out of their ISR (1 partition(s) lost their "
                        + "leader with it and have none). Those partitions have one copy fewer: lose one more broker "
                        + "and topics with min.insync.replicas=2 refuse acks=all writes. Start it again "
                        + "(./local-broker.sh start-broker 4, docker start kafka-4)");
        assertThat(found).allMatch(f -> f.verdict() == Finding.Verdict.warning && f.check().equals("brokers"));
    }

    @Test
    void koreanLinesSayTheSame() {
        ReplicationLines ko = new ReplicationLines(Language.ko);
        assertThat(ko.underReplicated(0, List.of(1, 3), List.of(1, 2, 3), 2, List.of(2)))
                .isEqualTo("파티션 0: ISR 1, 3 (복제본 1, 2, 3), 브로커 2 동기화 안 됨. 쓰기는 계속되지만 브로커를 하나 더 잃으면 "
                        + "acks=all 쓰기가 멈춥니다 (min.insync.replicas=2). 브로커 2번을 다시 켜세요");
    }
}
