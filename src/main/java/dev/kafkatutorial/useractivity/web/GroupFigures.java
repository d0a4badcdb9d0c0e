package dev.kafkatutorial.useractivity.web;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeShareGroupsOptions;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.InvalidMetadataException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The groups' figures for {@code /api/groups} and {@code /api/groups/{group}}, as
 * {@code kafka-consumer-groups --describe} shows them: per partition the group's committed offset (the next
 * event it will read: a restarted member starts there), the log end offset, and the lag between them (events
 * written and not yet read); a partition without a commit has no lag. For a share group the committed offset is
 * the share-partition start offset: every record before it has been acknowledged.
 */
final class GroupFigures {

    /** One group in the list: every kind Kafka 4 has. */
    record GroupSummary(String group, String type, String state) {
    }

    /** A partition the group holds or has committed on, and who holds it (none for a share group). */
    record PartitionLag(String topic, int partition, Long committedOffset, Long logEndOffset, Long lag,
                        String memberId, String host, String clientId) {
    }

    record GroupDetail(String group, String type, String state, Integer coordinator, String assignor,
                       Integer groupEpoch, Integer targetAssignmentEpoch, List<GroupSnapshot.Member> members,
                       List<PartitionLag> partitions, List<RebalanceTimeline.Change> timeline) {
    }

    private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final AdminCalls calls;
    private final RebalanceTimeline timeline;
    private final WebLines lines;

    GroupFigures(AdminCalls calls, RebalanceTimeline timeline, WebLines lines) {
        this.calls = calls;
        this.timeline = timeline;
        this.lines = lines;
    }

    List<GroupSummary> groups() throws Exception {
        return listings().stream()
                .map(g -> new GroupSummary(g.groupId(), GroupSnapshot.typeName(g.type().orElse(GroupType.CLASSIC)),
                        g.groupState().map(GroupSnapshot::stateName).orElse(null)))
                .sorted(Comparator.comparing(GroupSummary::group)).toList();
    }

    GroupDetail group(String id) throws Exception {
        GroupListing listing = listings().stream().filter(g -> g.groupId().equals(id)).findFirst()
                .orElseThrow(() -> ApiError.notFound(lines.unknownGroup(id)));
        GroupType type = listing.type().orElse(GroupType.CLASSIC);
        GroupSnapshot group;
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            if (type == GroupType.SHARE) {
                group = GroupSnapshot.of(calls.await(calls.admin().describeShareGroups(List.of(id),
                        calls.bounded(new DescribeShareGroupsOptions())).describedGroups().get(id)));
                // A share group's "committed offset" is its share-partition start offset: every record before it
                // is acknowledged (or archived); records after it may still be acquired, released or done.
                committed = new java.util.HashMap<>();
                calls.await(calls.admin().listShareGroupOffsets(Map.of(id, new ListShareGroupOffsetsSpec()),
                        calls.bounded(new ListShareGroupOffsetsOptions())).partitionsToOffsetInfo(id))
                        .forEach((tp, info) -> committed.put(tp, info == null ? null : new OffsetAndMetadata(info.startOffset())));
            } else if (GroupWatcher.DESCRIBED.contains(type)) {
                group = GroupSnapshot.of(calls.await(calls.admin().describeConsumerGroups(List.of(id),
                        calls.bounded(new DescribeConsumerGroupsOptions())).describedGroups().get(id)));
                committed = calls.await(calls.admin().listConsumerGroupOffsets(id,
                        calls.bounded(new ListConsumerGroupOffsetsOptions())).partitionsToOffsetAndMetadata());
            } else {
                group = GroupSnapshot.listed(listing); // a Streams group: listed, not described here
                committed = Map.of();
            }
        } catch (GroupIdNotFoundException deletedMeanwhile) {
            throw ApiError.notFound(lines.unknownGroup(id));
        } catch (UnsupportedVersionException e) {
            throw new ApiError(501, "share_groups_off", lines.shareGroupsOff());
        }
        if ("Dead".equals(group.state())) {
            throw ApiError.notFound(lines.unknownGroup(id)); // a classic group's "does not exist"
        }
        return new GroupDetail(group.group(), group.type(), group.state(), group.coordinator(), group.assignor(),
                group.groupEpoch(), group.targetAssignmentEpoch(), group.members(),
                partitions(group, committed), timeline.changes(id));
    }

    /**
     * Every partition a member holds, and every partition with a commit (held or not), as
     * {@code kafka-consumer-groups --describe} lists them: lag is the log end offset minus the committed offset.
     */
    private List<PartitionLag> partitions(GroupSnapshot group, Map<TopicPartition, OffsetAndMetadata> committed)
            throws Exception {
        Map<TopicPartition, GroupSnapshot.Member> holders = new TreeMap<>(BY_TOPIC_AND_PARTITION);
        for (GroupSnapshot.Member member : group.members()) {
            for (GroupSnapshot.Assigned assigned : member.assignment()) {
                holders.putIfAbsent(new TopicPartition(assigned.topic(), assigned.partition()), member);
            }
        }
        Map<TopicPartition, Long> offsets = new TreeMap<>(BY_TOPIC_AND_PARTITION);
        holders.keySet().forEach(p -> offsets.put(p, null));
        committed.forEach((p, offset) -> {
            if (offset != null) {
                offsets.put(p, offset.offset());
            }
        });
        Map<TopicPartition, Long> ends = logEndOffsets(offsets.keySet());
        boolean shared = "share".equals(group.type()); // several members share a partition: no one holder to name
        return offsets.entrySet().stream().map(e -> {
            TopicPartition p = e.getKey();
            Long end = ends.get(p);
            GroupSnapshot.Member holder = shared ? null : holders.get(p);
            return new PartitionLag(p.topic(), p.partition(), e.getValue(), end,
                    e.getValue() == null || end == null ? null : end - e.getValue(),
                    holder == null ? null : holder.memberId(), holder == null ? null : holder.host(),
                    holder == null ? null : holder.clientId());
        }).toList();
    }

    private Map<TopicPartition, Long> logEndOffsets(Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        ListOffsetsResult result = calls.admin().listOffsets(latest, calls.bounded(new ListOffsetsOptions()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                ends.put(partition, calls.await(result.partitionResult(partition)).offset());
            } catch (InvalidMetadataException e) {
                // a deleted topic's partition, or one without a leader: no end to show
            }
        }
        return ends;
    }

    private Collection<GroupListing> listings() throws Exception {
        return calls.await(calls.admin().listGroups(calls.bounded(new ListGroupsOptions())).all());
    }
}
