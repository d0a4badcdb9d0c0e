package dev.kafkatutorial.useractivity.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what Kafka's own tools print, in the shape the API tests compare with the API's figures. */
final class ToolOutput {

    private static final Pattern PARTITION_LINE = Pattern.compile(
            "Partition: (\\d+)\\s+Leader: (\\S+)\\s+Replicas: ([\\d,]*)\\s+Isr: ([\\d,]*)");

    private ToolOutput() {
    }

    /**
     * Per partition: leader ("-" for none), log start offset, log end offset, replicas, ISR, from
     * {@code kafka-topics --describe} and {@code kafka-get-offsets --time -2} and {@code --time -1}.
     */
    static Map<Integer, List<String>> topicPartitions(String describe, String earliest, String latest) {
        Map<Integer, String> starts = offsets(earliest);
        Map<Integer, String> ends = offsets(latest);
        Map<Integer, List<String>> partitions = new TreeMap<>();
        Matcher m = PARTITION_LINE.matcher(describe);
        while (m.find()) {
            int partition = Integer.parseInt(m.group(1));
            String leader = m.group(2).equals("none") ? "-" : m.group(2);
            partitions.put(partition, List.of(leader, starts.getOrDefault(partition, "-"),
                    ends.getOrDefault(partition, "-"), m.group(3), m.group(4)));
        }
        if (partitions.isEmpty()) {
            throw new AssertionError("no partition in kafka-topics' output:\n" + describe);
        }
        return partitions;
    }

    /** {@code kafka-get-offsets}' lines, {@code topic:partition:offset}, by partition. */
    private static Map<Integer, String> offsets(String output) {
        Map<Integer, String> offsets = new TreeMap<>();
        output.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] parts = line.split(":");
            offsets.put(Integer.parseInt(parts[parts.length - 2]), parts[parts.length - 1].trim());
        });
        return offsets;
    }

    /**
     * Per {@code topic:partition}: current (committed) offset, log end offset, lag, consumer id, client id, as
     * {@code kafka-consumer-groups --describe --group G} prints them ("-" for none).
     */
    static Map<String, List<String>> groupPartitions(String describe, String group) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String line : describe.lines().toList()) {
            String[] c = line.trim().split("\\s+");
            if (c.length == 9 && c[0].equals(group)) {
                rows.put(c[1] + ":" + c[2], List.of(c[3], c[4], c[5], c[6], c[8]));
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError("no partition row in kafka-consumer-groups' output:\n" + describe);
        }
        return rows;
    }

    /** State, number of members and coordinator id, from {@code kafka-consumer-groups --describe --state}. */
    static List<String> groupState(String describe, String group) {
        for (String line : describe.lines().toList()) {
            String[] c = line.trim().split("\\s+");
            if (c.length >= 5 && c[0].equals(group)) {
                String coordinator = line.replaceAll(".*\\((\\d+)\\).*", "$1");
                return List.of(c[c.length - 2], c[c.length - 1], coordinator);
            }
        }
        throw new AssertionError("no row for " + group + " in kafka-consumer-groups --state:\n" + describe);
    }

    /** Per {@code topic:partition}: the start offset {@code kafka-share-groups --describe --group G} prints last. */
    static Map<String, String> shareStartOffsets(String describe, String group) {
        Map<String, String> rows = new TreeMap<>();
        for (String line : describe.lines().toList()) {
            String[] c = line.trim().split("\\s+");
            if (c.length >= 4 && c[0].equals(group) && c[2].matches("\\d+")) {
                rows.put(c[1] + ":" + c[2], c[c.length - 1]);
            }
        }
        return rows;
    }
}
