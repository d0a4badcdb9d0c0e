package dev.kafkatutorial.useractivity.processor;

import dev.kafkatutorial.useractivity.cli.Cli;
import java.io.PrintStream;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The processor's transactions, as {@code KafkaProducer}'s javadoc has them: begin, send, add the input
 * positions, commit; on any error but the fatal ones, abort and try again. What to try again is the caller's:
 * an aborted batch is read again.
 */
public final class Transactions {

    /** Aborts in a row before giving up: the same batch failing again and again will not heal by itself. */
    static final int MAX_ABORTS_IN_A_ROW = 5;

    private final Producer<?, ?> producer;
    private final Consumer<?, ?> consumer;
    private final Retries retries;
    private final BrokerWatch watch;
    private final ProcessorLines lines;
    private final PrintStream err;

    private long committed;
    private long aborted;
    private int abortsInARow;
    private long outagesBefore;

    public Transactions(Producer<?, ?> producer, Consumer<?, ?> consumer, Retries retries, BrokerWatch watch,
                        ProcessorLines lines, PrintStream err) {
        this.producer = producer;
        this.consumer = consumer;
        this.retries = retries;
        this.watch = watch;
        this.lines = lines;
        this.err = err;
    }

    /**
     * One transaction: {@code sends}, then the input positions {@code offsets}, then the commit. Returns false when
     * it was aborted (the caller reads its {@code records} again); throws what ends the run.
     */
    public boolean run(Runnable sends, Map<TopicPartition, OffsetAndMetadata> offsets, int records) {
        outagesBefore = watch.outages();
        try {
            producer.beginTransaction();
            sends.run();
            // The input positions join the transaction: the group's offsets commit if and only if the output
            // does. The group metadata (generation, member) lets the coordinator refuse the commit of a member
            // the group has since replaced, a "zombie" that lost its partitions in a rebalance.
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            retries.commit(producer); // timed out: the same call again, never an abort (it may have gone through)
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException e) {
            throw e; // fatal: another processor has our transactional id, or the like; this one can write no more
        } catch (KafkaException e) {
            // Abortable, InvalidProducerEpochException included (KIP-588): the group rebalanced, a send failed,
            // the broker was away. Abort, so nothing of this batch reaches read_committed readers. An abort that
            // times out is made again likewise; one that fails otherwise ends the run.
            if (e instanceof TimeoutException) {
                watch.noAnswer(); // sendOffsetsToTransaction() waited max.block.ms for the broker in vain
            }
            retries.abort(producer);
            aborted++;
            err.println(lines.processorAborted(records, Cli.oneLine(e)));
            if (e instanceof FencedInstanceIdException || ++abortsInARow >= MAX_ABORTS_IN_A_ROW) {
                throw e; // a member with our group.instance.id took over; or the same failure again and again
            }
            retries.backOff(abortsInARow);
            return false;
        }
        abortsInARow = 0;
        committed++;
        return true;
    }

    /** Whether the broker went away while the last transaction was open: a fence then is the broker's timeout. */
    public boolean lastWasOpenThroughAnOutage() {
        return watch.outages() > outagesBefore;
    }

    public long committed() {
        return committed;
    }

    public long aborted() {
        return aborted;
    }
}
