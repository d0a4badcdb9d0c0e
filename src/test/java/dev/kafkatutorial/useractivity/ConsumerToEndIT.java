package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code --to-end}: the consumer reads what the partitions hold when they are assigned, then exits 0 with the
 * summary, in a group and on one partition, and also when the partition ends in a transaction marker (no record
 * to see, so only {@code position()} can tell the end was reached).
 */
class ConsumerToEndIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsExactlyTheEventsPresentInEveryPartitionThenExitsZero() throws Exception {
        String topic = "to-end-" + System.nanoTime();
        TestKafka.createTopic(topic, 3);
        ProgramRun.sendEvents(topic, 12, LIMIT);
        ProgramRun consumer = ProgramRun.consumer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--from-beginning", "--to-end", "--output", "json");

        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        List<String> read = positions(consumer.out());
        assertThat(read).hasSize(12);
        assertThat(Set.copyOf(read)).hasSize(12); // no duplicate
        assertThat(consumer.err()).contains("처리한 메시지: 12");
    }

    @Test
    void anEmptyPartitionIsAlreadyAtItsEnd() throws Exception {
        String topic = "to-end-empty-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        ProgramRun consumer = ProgramRun.consumer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--partition", "0", "--offset", "earliest", "--to-end");

        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        assertThat(consumer.out()).isEmpty();
    }

    @Test
    void aPartitionEndingInATransactionMarkerEndsTheRead() throws Exception {
        String topic = "to-end-txn-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        // Two transactions of 5: the first committed (offsets 0-4, its marker at 5), the second aborted (6-10,
        // marker 11). The end offset is 12; read_committed returns offsets 0-4 only, so the last record's
        // offset + 1 (5) never reaches the end, the position does.
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--interval", "0", "--max-messages", "10", "--quiet", "--transactional-id", "to-end-" + topic,
                "--transaction-size", "5", "--abort-every", "2");
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        ProgramRun consumer = ProgramRun.consumer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--partition", "0", "--offset", "earliest", "--to-end", "--isolation-level", "read_committed",
                "--output", "json");

        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        assertThat(positions(consumer.out())).containsExactly("0:0", "0:1", "0:2", "0:3", "0:4");
    }


    /** Each JSON line's partition:offset, in order. */
    private static List<String> positions(String jsonLines) {
        return jsonLines.lines().map(line -> {
            try {
                JsonNode node = MAPPER.readTree(line);
                return node.get("partition").asInt() + ":" + node.get("offset").asLong();
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).collect(Collectors.toList());
    }
}
