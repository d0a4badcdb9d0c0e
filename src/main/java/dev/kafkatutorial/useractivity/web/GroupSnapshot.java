package dev.kafkatutorial.useractivity.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * A group as one describe call saw it: its type, state, epochs and members with their partitions. The group
 * page shows it, and the rebalance timeline compares one with the next.
 *
 * <p>Kafka 4 has three kinds of group. A {@code classic} group rebalances the old way: every member rejoins and
 * one of them (the leader) computes the assignment; Admin shows no generation for it. A {@code consumer} group
 * (KIP-848, {@code group.protocol=consumer}) is assigned by the broker, member by member: the group epoch goes up
 * with each change of members or subscriptions, the target assignment epoch once the broker has computed the
 * assignment for it, and each member's epoch once that member has caught up. A {@code share} group (KIP-932)
 * shares each partition among its members, record by record, so several members may hold one partition.
 */
record GroupSnapshot(String group, String type, String state, Integer coordinator, String assignor,
                     Integer groupEpoch, Integer targetAssignmentEpoch, List<Member> members) {

    /** A member, its client's id and host, and the partitions it holds now. Member epoch: consumer and share groups. */
    record Member(String memberId, String clientId, String host, String groupInstanceId, Integer memberEpoch,
                  List<Assigned> assignment) {
    }

    /** One partition of a member's assignment. */
    record Assigned(String topic, int partition) {
        @Override
        public String toString() {
            return topic + "-" + partition; // as Kafka writes a TopicPartition
        }
    }

    static GroupSnapshot of(ConsumerGroupDescription group) {
        List<Member> members = group.members().stream().map(GroupSnapshot::member)
                .sorted(Comparator.comparing(Member::memberId)).toList();
        return new GroupSnapshot(group.groupId(), typeName(group.type()), stateName(group.groupState()),
                nodeId(group.coordinator()), emptyToNull(group.partitionAssignor()), group.groupEpoch().orElse(null),
                group.targetAssignmentEpoch().orElse(null), members);
    }

    static GroupSnapshot of(ShareGroupDescription group) {
        List<Member> members = group.members().stream().map(GroupSnapshot::member)
                .sorted(Comparator.comparing(Member::memberId)).toList();
        return new GroupSnapshot(group.groupId(), typeName(GroupType.SHARE), stateName(group.groupState()),
                nodeId(group.coordinator()), null, group.groupEpoch(), group.targetAssignmentEpoch(), members);
    }

    /** A group Admin can list but this page does not describe (a Kafka Streams group): its state only. */
    static GroupSnapshot listed(GroupListing group) {
        return new GroupSnapshot(group.groupId(), typeName(group.type().orElse(GroupType.UNKNOWN)),
                group.groupState().map(GroupSnapshot::stateName).orElse(null), null, null, null, null, List.of());
    }

    Optional<Member> member(String memberId) {
        return members.stream().filter(m -> m.memberId().equals(memberId)).findFirst();
    }

    /** {@code classic}, {@code consumer}, {@code share}, {@code streams}: as {@code kafka-groups --list} names them, in lower case. */
    static String typeName(GroupType type) {
        return type.toString().toLowerCase(Locale.ROOT);
    }

    static String stateName(GroupState state) {
        return state == null ? null : state.toString();
    }

    private static Member member(MemberDescription member) {
        return new Member(member.consumerId(), member.clientId(), member.host(), member.groupInstanceId().orElse(null),
                member.memberEpoch().orElse(null), assigned(member.assignment().topicPartitions()));
    }

    private static Member member(ShareMemberDescription member) {
        return new Member(member.consumerId(), member.clientId(), member.host(), null, member.memberEpoch(),
                assigned(member.assignment().topicPartitions()));
    }

    private static List<Assigned> assigned(Collection<TopicPartition> partitions) {
        return partitions.stream().map(p -> new Assigned(p.topic(), p.partition()))
                .sorted(Comparator.comparing(Assigned::topic).thenComparingInt(Assigned::partition)).toList();
    }

    private static Integer nodeId(Node node) {
        return node == null || node.isEmpty() ? null : node.id();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
