package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.consumer.CommitLedger;
import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.consumer.LineOutput;
import dev.kafkatutorial.useractivity.consumer.ReaderProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** The poll loop's side of a failing stdout, on Kafka's MockConsumer: what is committed is what was written. */
// A loop that misses the failure polls for ever (MockConsumer does not wait): fail it from another thread.
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsumerOutputTest {

    private static final TopicPartition TP = new TopicPartition("t", 0);

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void aBatchWhoseWriteFailedIsRewoundAndNotCommitted() {
        KeptOpen mock = consumerWithEvents(3);
        PrintStream full = new PrintStream(new OutputStream() { // > /dev/full
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        }, false, StandardCharsets.UTF_8);

        int exit = app(mock, new LineOutput(full, ReaderProbe.NONE), "--manual-commit").run();

        assertThat(exit).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("표준 출력에 쓸 수 없어 컨슈머를 종료합니다")
                .contains("처리한 메시지: 0,");
        OffsetAndMetadata committed = mock.committed(Set.of(TP)).get(TP);
        assertThat(committed == null ? 0 : committed.offset()).as("nothing written, nothing committed").isZero();
        assertThat(mock.position(TP)).as("rewound to the first record not written").isZero();
    }

    @Test
    void aReaderThatLeftWhileNothingCameStopsTheConsumerAndWhatWasWrittenIsCommitted() {
        KeptOpen mock = consumerWithEvents(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] idlePolls = {0};
        ReaderProbe leavesWhenIdle = () -> ++idlePolls[0] >= 2; // `| head`: gone once it has what there was

        int exit = app(mock, new LineOutput(new PrintStream(out, false, StandardCharsets.UTF_8), leavesWhenIdle))
                .run();

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("오프셋: 2)");
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("처리한 메시지: 3,");
        assertThat(mock.committed(Set.of(TP)).get(TP).offset()).isEqualTo(3);
    }

    private UserActivityConsumer app(KeptOpen mock, LineOutput output, String... more) {
        ConsumerOptions options = new ConsumerOptions();
        String[] args = new String[more.length + 4];
        System.arraycopy(new String[] {"--topic", "t", "--group", "g"}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        new CommandLine(options).parseArgs(args);
        return new UserActivityConsumer(mock, options, output, err, new CommitLedger());
    }

    /** A one-partition topic with {@code events} events, given to the consumer at its first poll. */
    private static KeptOpen consumerWithEvents(int events) {
        KeptOpen mock = new KeptOpen();
        mock.updatePartitions("t", List.of(new PartitionInfo("t", 0, Node.noNode(), new Node[0], new Node[0])));
        mock.updateBeginningOffsets(Map.of(TP, 0L));
        mock.schedulePollTask(() -> {
            mock.rebalance(List.of(TP));
            for (int i = 0; i < events; i++) {
                mock.addRecord(new ConsumerRecord<>("t", 0, i, null, new UserActivity(100 + i, "login", 1.0e9, null)));
            }
        });
        return mock;
    }

    /** A MockConsumer whose state can still be read after the program closed it. */
    private static final class KeptOpen extends MockConsumer<String, UserActivity> {
        KeptOpen() {
            super("earliest");
        }

        @Override
        public synchronized void close(Duration timeout) {
            // the test reads committed() and position() afterwards
        }
    }
}
