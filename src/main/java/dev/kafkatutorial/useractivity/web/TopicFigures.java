package dev.kafkatutorial.useractivity.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InvalidMetadataException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The topics' figures for {@code /api/topics} and {@code /api/topics/{topic}}: each partition is a log, from its
 * log start offset (the oldest event retention has kept) to its log end offset (the offset the next event will
 * get), with its leader (the broker that takes its writes and serves its reads), its replicas and its ISR (the
 * replicas in sync with the leader: an {@code acks=all} write waits for each of them).
 */
final class TopicFigures {

    /** One topic in the list. */
    record TopicSummary(String name, int partitions, int replicationFactor) {
    }

    /** One topic and its partitions, as {@code kafka-topics --describe} shows them, with their offsets. */
    record TopicDetail(String topic, String topicId, int replicationFactor, List<PartitionFigures> partitions) {
    }

    /** A partition as a log. The offsets are null when the partition has no leader to ask. Leader null: none. */
    record PartitionFigures(int partition, Long logStartOffset, Long logEndOffset, Integer leader,
                            List<Integer> replicas, List<Integer> isr) {
    }

    private final AdminCalls calls;
    private final WebLines lines;

    TopicFigures(AdminCalls calls, WebLines lines) {
        this.calls = calls;
        this.lines = lines;
    }

    /** The topics a client may use (Kafka's internal ones, such as the group offsets, left out), by name. */
    List<TopicSummary> topics() throws Exception {
        Set<String> names = calls.await(calls.admin().listTopics(calls.bounded(new ListTopicsOptions())).names());
        Map<String, KafkaFuture<TopicDescription>> described = calls.admin()
                .describeTopics(names, calls.bounded(new DescribeTopicsOptions())).topicNameValues();
        List<TopicSummary> topics = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> entry : described.entrySet()) {
            try {
                TopicDescription topic = calls.await(entry.getValue());
                topics.add(new TopicSummary(topic.name(), topic.partitions().size(),
                        topic.partitions().isEmpty() ? 0 : topic.partitions().get(0).replicas().size()));
            } catch (UnknownTopicOrPartitionException deletedMeanwhile) {
                // listed, then deleted before it was described: it is gone
            }
        }
        topics.sort(Comparator.comparing(TopicSummary::name));
        return topics;
    }

    TopicDetail topic(String name) throws Exception {
        TopicDescription topic;
        try {
            topic = calls.await(calls.admin().describeTopics(List.of(name), calls.bounded(new DescribeTopicsOptions()))
                    .topicNameValues().get(name));
        } catch (UnknownTopicOrPartitionException e) {
            throw ApiError.notFound(lines.unknownTopic(name));
        }
        // A partition without a leader cannot be asked for its offsets: only the leader knows its log's ends.
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo partition : topic.partitions()) {
            if (partition.leader() != null && !partition.leader().isEmpty()) {
                earliest.put(new TopicPartition(name, partition.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest());
            }
        }
        // Both asked at once; an event may land between the two answers, which a page a second later shows.
        ListOffsetsResult starts = calls.admin().listOffsets(earliest, calls.bounded(new ListOffsetsOptions()));
        ListOffsetsResult ends = calls.admin().listOffsets(latest, calls.bounded(new ListOffsetsOptions()));
        List<PartitionFigures> partitions = new ArrayList<>();
        for (TopicPartitionInfo partition : topic.partitions()) {
            TopicPartition tp = new TopicPartition(name, partition.partition());
            boolean led = earliest.containsKey(tp);
            partitions.add(new PartitionFigures(partition.partition(),
                    led ? offset(starts, tp) : null, led ? offset(ends, tp) : null,
                    led ? Integer.valueOf(partition.leader().id()) : null,
                    ids(partition.replicas()), ids(partition.isr())));
        }
        int replicationFactor = topic.partitions().isEmpty() ? 0 : topic.partitions().get(0).replicas().size();
        return new TopicDetail(name, topic.topicId().toString(), replicationFactor, partitions);
    }

    /** The partition's offset, or null if its leader could not give it. */
    private Long offset(ListOffsetsResult result, TopicPartition partition) throws Exception {
        try {
            return calls.await(result.partitionResult(partition)).offset();
        } catch (InvalidMetadataException e) {
            return null; // no leader any more, or the topic deleted meanwhile: the next poll will tell
        }
    }

    static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }
}
