package dev.kafkatutorial.useractivity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A group's lag as {@code kafka-consumer-groups --describe} and doctor show it: each partition's log end offset
 * (markers included) minus the group's committed offset.
 */
final class GroupLag {

    private GroupLag() {
    }

    /** Partition to lag; a partition the group has committed nothing in counts from 0. */
    static SortedMap<Integer, Long> of(String bootstrapServers, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS);
            SortedMap<Integer, Long> lag = new TreeMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                lag.put(partition.partition(), end.get(partition).offset() - (offset == null ? 0 : offset.offset()));
            }
            return lag;
        }
    }

    /** Waits until the lag is 0 everywhere or {@code limit} has passed; returns the last lag either way. */
    static SortedMap<Integer, Long> awaitZero(String bootstrapServers, String group, String topic, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        SortedMap<Integer, Long> lag = of(bootstrapServers, group, topic);
        while (lag.values().stream().anyMatch(l -> l != 0) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            lag = of(bootstrapServers, group, topic);
        }
        return lag;
    }
}
