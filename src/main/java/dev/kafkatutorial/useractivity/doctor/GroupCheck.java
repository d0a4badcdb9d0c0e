package dev.kafkatutorial.useractivity.doctor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Checks a consumer group on the topic: its state, members against partitions (a partition has at most one
 * member of a group, so extra members sit idle), committed lag per partition, and lag beyond retention.
 */
final class GroupCheck {

    private GroupCheck() {
    }

    static void run(Admin admin, String group, String topic, int partitions, DoctorLines lines, Findings findings)
            throws Request.Failed, InterruptedException {
        ConsumerGroupDescription description;
        try {
            description = Request.await(admin.describeConsumerGroups(List.of(group)).all(), "describeConsumerGroups",
                    group).get(group);
        } catch (Request.Failed e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
            // No member ever joined it and nothing was committed: a new group, which starts by auto.offset.reset.
            findings.add(Finding.ok("group", lines.doctorNoCommits(group)));
            return;
        }
        int members = description.members().size();
        findings.add(Finding.ok("group", lines.doctorGroup(group, String.valueOf(description.groupState()), members)));
        if (description.type() == org.apache.kafka.common.GroupType.CONSUMER) {
            String epochs = description.members().stream().map(m -> m.memberEpoch().map(String::valueOf).orElse("?"))
                    .collect(java.util.stream.Collectors.joining(", "));
            findings.add(Finding.ok("protocol", lines.doctorConsumerProtocolGroup(group,
                    description.groupEpoch().orElse(-1), epochs.isEmpty() ? "-" : epochs)));
        } else {
            findings.add(Finding.ok("protocol", lines.doctorClassicGroup(group, description.partitionAssignor())));
        }
        if (partitions > 0 && members > partitions) {
            findings.add(Finding.warning("members", lines.doctorIdleMembers(members, partitions, members - partitions)));
        }

        Map<TopicPartition, OffsetAndMetadata> committed = new TreeMap<>(
                java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition));
        Request.await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
                "listConsumerGroupOffsets", group).forEach((partition, offset) -> {
                    if (partition.topic().equals(topic) && offset != null) {
                        committed.put(partition, offset);
                    }
                });
        if (committed.isEmpty()) {
            findings.add(Finding.ok("lag", lines.doctorNoCommits(group)));
            return;
        }
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(p -> {
            earliest.put(p, OffsetSpec.earliest());
            latest.put(p, OffsetSpec.latest());
        });
        // ListOffsets goes to each partition's leader: a partition without one never answers.
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start =
                Request.await(admin.listOffsets(earliest).all(), "listOffsets", topic);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
                Request.await(admin.listOffsets(latest).all(), "listOffsets", topic);
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            TopicPartition partition = entry.getKey();
            long offset = entry.getValue().offset();
            long logStart = start.get(partition).offset();
            long logEnd = end.get(partition).offset();
            // The committed offset is the next event the group will read. Below the log start offset, retention
            // (or deleteRecords) removed events the group never read: they are gone, and the group will jump
            // ahead by auto.offset.reset.
            if (offset < logStart) {
                findings.add(Finding.problem("lag", lines.doctorLagBeyondRetention(partition.partition(), offset,
                        logStart, logStart - offset)));
            } else {
                findings.add(Finding.ok("lag", lines.doctorLag(partition.partition(), offset, logEnd,
                        Math.max(0, logEnd - offset))));
            }
        }
    }
}
