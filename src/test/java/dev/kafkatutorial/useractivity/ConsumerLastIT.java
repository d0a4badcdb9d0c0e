package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code --last N} (each partition of the group's assignment starts N events before its end) and
 * {@code --partition P --offset -N} (the same for one partition), read with {@code --to-end} so each run ends.
 */
class ConsumerLastIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void lastFivePrintsTheLastFiveOfEachPartition() throws Exception {
        String topic = "last-" + System.nanoTime();
        TestKafka.createTopic(topic, 2);
        produce(topic, 40, "--key", "user_id"); // keyed: the events spread over both partitions
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
        String topic = "last-one-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        produce(topic, 10);

        Map<Integer, List<Long>> last = byPartition(read(topic, "--partition", "0", "--offset", "-3"));

        assertThat(last).isEqualTo(Map.of(0, List.of(7L, 8L, 9L)));
    }

    private static String read(String topic, String... start) throws InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", topic, "--to-end", "--output", "json"));
        args.addAll(List.of(start));
        ProgramRun consumer = ProgramRun.consumer(args.toArray(String[]::new));
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        return consumer.out();
    }

    private static void produce(String topic, int events, String... more) throws InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", topic, "--interval", "0", "--max-messages", String.valueOf(events), "--quiet"));
        args.addAll(List.of(more));
        ProgramRun producer = ProgramRun.producer(args.toArray(String[]::new));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
    }

    /** Offsets read per partition, in order. */
    private static Map<Integer, List<Long>> byPartition(String jsonLines) {
        return jsonLines.lines().map(line -> {
            try {
                return MAPPER.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).collect(Collectors.groupingBy(node -> node.get("partition").asInt(), TreeMap::new,
                Collectors.mapping((JsonNode node) -> node.get("offset").asLong(), Collectors.toList())));
    }
}
