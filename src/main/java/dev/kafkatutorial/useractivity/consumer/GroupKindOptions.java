package dev.kafkatutorial.useractivity.consumer;

import java.util.Map;

/**
 * What {@code --share-group} and {@code --group-protocol} refuse, each in one line that says why: options that
 * mean nothing to a share group's member, and settings of the classic protocol that the broker decides under the
 * consumer protocol (where Kafka's client would throw at construction instead).
 */
final class GroupKindOptions {

    /**
     * Settings of the classic protocol, where the members time out and assign among themselves: with the
     * consumer protocol the broker does both (group.consumer.session.timeout.ms and heartbeat interval, and
     * group.consumer.assignors on the broker; a member picks a server-side assignor with group.remote.assignor).
     */
    private static final Map<String, String> CLASSIC_ONLY = Map.of(
            "session.timeout.ms", "the broker's group.consumer.session.timeout.ms",
            "heartbeat.interval.ms", "the broker's group.consumer.heartbeat.interval.ms",
            "partition.assignment.strategy", "group.remote.assignor (uniform or range), the broker's assignors");

    private GroupKindOptions() {
    }

    static void check(ConsumerOptions o) {
        if (o.shareGroup != null) {
            shareGroup(o);
        }
        if (o.groupProtocol != null && o.partition != null) {
            throw new IllegalArgumentException("--group-protocol applies to a consumer group; --partition reads outside any group");
        }
        if (o.groupProtocol == ConsumerOptions.GroupProtocol.consumer) {
            for (String name : o.client.userProperties().keySet()) {
                if (CLASSIC_ONLY.containsKey(name)) {
                    throw new IllegalArgumentException(name + " is a setting of the classic protocol: with "
                            + "--group-protocol consumer the broker decides it (" + CLASSIC_ONLY.get(name)
                            + "); drop it, or use --group-protocol classic");
                }
            }
        }
    }

    /**
     * Options that mean nothing to a share group's member, each refused with why. By value, not by what was
     * typed: a o.client property bound to an option (o.group.id for --o.group, say) counts as that option.
     */
    private static void shareGroup(ConsumerOptions o) {
        String position = "a share group has no position of its own per member: where a new group starts is "
                + "--offset-reset (the group's share.auto.offset.reset)";
        String records = "a share group's members share every partition's records; the broker hands out records, not partitions";
        Map<String, Object[]> refused = new java.util.LinkedHashMap<>();
        refused.put("--group", new Object[] {o.group != null, "a share group is named by --share-group, a consumer group by --group"});
        refused.put("--group-protocol", new Object[] {o.groupProtocol != null, "a share group has its own protocol"});
        refused.put("--partition", new Object[] {o.partition != null, records});
        refused.put("--offset", new Object[] {o.offset != null, records});
        refused.put("--manual-commit", new Object[] {o.manualCommit, "a share group's member acknowledges each record once its line is written"});
        refused.put("--from-beginning", new Object[] {o.fromBeginning, position});
        refused.put("--last", new Object[] {o.last != null, position});
        refused.put("--from-time", new Object[] {o.fromTime != null, position});
        refused.put("--to-end", new Object[] {o.toEnd, position});
        refused.put("--include", new Object[] {o.include != null, "a share consumer subscribes to topic names, not a pattern"});
        refused.put("--explain", new Object[] {o.explain, "it explains a consumer group's assignment, and a share group assigns none (doctor shows its members)"});
        refused.put("--isolation-level", new Object[] {o.spec.commandLine().getParseResult().hasMatchedOption("--isolation-level")
                || o.client.fromProperty("--isolation-level") != null,
            "a share group reads at the group's share.isolation.level (kafka-configs --entity-type groups)"});
        for (Map.Entry<String, Object[]> option : refused.entrySet()) {
            if ((Boolean) option.getValue()[0]) {
                String given = o.client.fromProperty(option.getKey());
                throw new IllegalArgumentException((given == null ? option.getKey() : given + " (" + option.getKey() + ")")
                        + " means nothing with --share-group: " + option.getValue()[1]);
            }
        }
        if (o.print.contains(RecordDetails.Field.lag)) {
            throw new IllegalArgumentException("--print lag means nothing with --share-group: a share group's member has no lag of its own");
        }
    }
}
