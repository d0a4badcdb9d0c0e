package dev.kafkatutorial.useractivity.doctor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureMetadata;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.common.GroupType;

/**
 * Kafka 4's kinds of group. Which the cluster can run is a feature level each broker advertises and the
 * controller finalizes: {@code group.version} 1 turns on the consumer protocol (KIP-848), {@code share.version}
 * 1 or more share groups (KIP-932); {@code kafka-features upgrade --feature NAME=LEVEL} turns one on. Which kind
 * each group is, and its protocol, {@code listGroups} says: classic, consumer or share (or streams).
 */
final class GroupKindsCheck {

    private GroupKindsCheck() {
    }

    /** The two feature levels, each with what it allows or what to do. */
    static void features(Admin admin, String bootstrapServers, DoctorLines lines, Findings findings)
            throws Request.Failed, InterruptedException {
        FeatureMetadata features = Request.await(admin.describeFeatures().featureMetadata(), "describeFeatures",
                "group.version, share.version");
        short group = level(features.finalizedFeatures().get("group.version"));
        short share = level(features.finalizedFeatures().get("share.version"));
        findings.add(group >= 1 ? Finding.ok("group.version", lines.doctorConsumerProtocolOn(group))
                : Finding.warning("group.version", lines.doctorConsumerProtocolOff(bootstrapServers)));
        findings.add(share >= 1 ? Finding.ok("share.version", lines.doctorShareGroupsOn(share))
                : Finding.warning("share.version", lines.doctorShareGroupsOff(bootstrapServers)));
    }

    /** Each group on the cluster with its type and protocol; returns the named group's listing, if any. */
    static Optional<GroupListing> groups(Admin admin, String named, DoctorLines lines, Findings findings)
            throws Request.Failed, InterruptedException {
        Collection<GroupListing> listings = Request.await(admin.listGroups().all(), "listGroups", "groups");
        if (!listings.isEmpty()) {
            String each = listings.stream().sorted(java.util.Comparator.comparing(GroupListing::groupId)).limit(10)
                    .map(g -> g.groupId() + " (" + g.type().map(GroupType::toString).orElse("?")
                            + (g.protocol().isEmpty() ? "" : ", " + g.protocol()) + ")")
                    .collect(Collectors.joining(", "));
            findings.add(Finding.ok("groups", lines.doctorGroupKinds(listings.size(), each)));
        }
        return listings.stream().filter(g -> g.groupId().equals(named)).findFirst();
    }

    /** A share group: its state, its members and what each was assigned, and the group's epoch. */
    static void shareGroup(Admin admin, String group, DoctorLines lines, Findings findings)
            throws Request.Failed, InterruptedException {
        ShareGroupDescription description = Request.await(admin.describeShareGroups(List.of(group)).all(),
                "describeShareGroups", group).get(group);
        String members = description.members().stream()
                .map(m -> m.clientId() + " " + partitions(m))
                .collect(Collectors.joining("; "));
        findings.add(Finding.ok("group", lines.doctorShareGroup(group, String.valueOf(description.groupState()),
                description.members().size(), description.groupEpoch(), members)));
    }

    private static String partitions(ShareMemberDescription member) {
        Map<String, List<Integer>> byTopic = member.assignment().topicPartitions().stream().collect(Collectors.groupingBy(
                tp -> tp.topic(), java.util.TreeMap::new, Collectors.mapping(tp -> tp.partition(), Collectors.toList())));
        return byTopic.toString();
    }

    private static short level(FinalizedVersionRange range) {
        return range == null ? 0 : range.maxVersionLevel();
    }
}
