package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code --to-end}: the consumer reads what the partitions hold when they are assigned, then exits 0 with the
 * summary, in a group and on one partition, and also when the partition ends in a transaction marker (no record
 * to see, so only {@code position()} can tell the end was reached).
 */
class ConsumerToEndIT {

    @Test
    void readsExactlyTheEventsPresentInEveryPartitionThenExitsZero() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("to-end", 3, 12);
        ProgramRun consumer = topic.read("--from-beginning", "--to-end", "--output", "json");

        List<String> read = positions(consumer.out());
        assertThat(read).hasSize(12);
        assertThat(Set.copyOf(read)).hasSize(12); // no duplicate
        assertThat(consumer.err()).contains("처리한 메시지: 12");
    }

    @Test
    void anEmptyPartitionIsAlreadyAtItsEnd() throws Exception {
        TopicFixture topic = TopicFixture.create("to-end-empty", 1);
        ProgramRun consumer = topic.read("--partition", "0", "--offset", "earliest", "--to-end");

        assertThat(consumer.out()).isEmpty();
    }

    @Test
    void aPartitionEndingInATransactionMarkerEndsTheRead() throws Exception {
        TopicFixture topic = TopicFixture.create("to-end-txn", 1);
        // Two transactions of 5: the first committed (offsets 0-4, its marker at 5), the second aborted (6-10,
        // marker 11). The end offset is 12; read_committed returns offsets 0-4 only, so the last record's
        // offset + 1 (5) never reaches the end, the position does.
        topic.produce(10, "--transactional-id", "to-end-" + topic.name(), "--transaction-size", "5", "--abort-every", "2");
        ProgramRun consumer = topic.read("--partition", "0", "--offset", "earliest", "--to-end",
                "--isolation-level", "read_committed", "--output", "json");

        assertThat(positions(consumer.out())).containsExactly("0:0", "0:1", "0:2", "0:3", "0:4");
    }


    /** Each JSON line's partition:offset, in order. */
    private static List<String> positions(String jsonLines) {
        return JsonLines.parse(jsonLines).stream()
                .map(node -> node.get("partition").asInt() + ":" + node.get("offset").asLong()).toList();
    }
}
