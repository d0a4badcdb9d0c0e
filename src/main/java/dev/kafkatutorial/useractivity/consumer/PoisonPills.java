package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.Cli;
import java.io.PrintStream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Records that are not valid events ("poison pills"): each is reported once on stderr with its partition,
 * offset, reason and the start of its value, and passed, so it cannot block its partition. poll() throws at a
 * value the deserializer rejects, before returning the records after it: the seek moves past it.
 */
public final class PoisonPills {

    private final ConsumerLines lines;
    private final PrintStream err;
    private long skipped;

    public PoisonPills(ConsumerLines lines, PrintStream err) {
        this.lines = lines;
        this.err = err;
    }

    /** A record without a value (a tombstone): nothing to print. */
    public void nullValue(ConsumerRecord<?, ?> record) {
        skipped++;
        err.println(lines.skipped(record.partition(), record.offset(), lines.nullValue(), "null"));
    }

    /** A value the deserializer rejected: reported, and the partition's position moved past it. */
    public void malformed(RecordDeserializationException e, Consumer<?, ?> consumer, CommitLedger ledger) {
        skipped++;
        Throwable reason = e.getCause() == null ? e : e.getCause();
        err.println(lines.skipped(e.topicPartition().partition(), e.offset(), Cli.oneLine(reason),
                RecordPrinter.excerpt(e.valueBuffer())));
        consumer.seek(e.topicPartition(), e.offset() + 1);
        ledger.handled(e.topicPartition(), e.offset());
    }

    public long skipped() {
        return skipped;
    }
}
