package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --last N} (each partition of the group's assignment starts N events before its end) and
 * {@code --partition P --offset -N} (the same for one partition), read with {@code --to-end} so each run ends.
 */
class ConsumerLastIT {

    @Test
    void lastFivePrintsTheLastFiveOfEachPartition() throws Exception {
        // keyed: the events spread over both partitions
        TopicFixture topic = TopicFixture.withEvents("last", 2, 40, "--key", "user_id");
        Map<Integer, List<Long>> all = byPartition(read(topic, "--from-beginning"));
        assertThat(all.values().stream().mapToInt(List::size).sum()).isEqualTo(40);
        assertThat(all.values()).as("both partitions hold more than 5").allMatch(offsets -> offsets.size() > 5).hasSize(2);

        Map<Integer, List<Long>> last = byPartition(read(topic, "--last", "5"));

        Map<Integer, List<Long>> expected = new TreeMap<>();
        all.forEach((partition, offsets) ->
                expected.put(partition, offsets.subList(Math.max(0, offsets.size() - 5), offsets.size())));
        assertThat(last).isEqualTo(expected);
    }

    @Test
    void aNegativeOffsetOnOnePartitionReadsItsLastEvents() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("last-one", 1, 10);

        Map<Integer, List<Long>> last = byPartition(read(topic, "--partition", "0", "--offset", "-3"));

        assertThat(last).isEqualTo(Map.of(0, List.of(7L, 8L, 9L)));
    }

    private static String read(TopicFixture topic, String... start) throws InterruptedException {
        return topic.read(Stream.concat(Stream.of("--to-end", "--output", "json"), Stream.of(start))
                .toArray(String[]::new)).out();
    }

    /** Offsets read per partition, in order. */
    private static Map<Integer, List<Long>> byPartition(String jsonLines) {
        return JsonLines.parse(jsonLines).stream().collect(Collectors.groupingBy(node -> node.get("partition").asInt(), TreeMap::new,
                Collectors.mapping((JsonNode node) -> node.get("offset").asLong(), Collectors.toList())));
    }
}
