package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Cli;
import java.io.PrintStream;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

/**
 * The producer's {@code --transactional-id}: groups the send loop's events into transactions of
 * {@code --transaction-size}, commits each (or aborts every {@code --abort-every}-th on purpose) with one line,
 * and commits the open one when the loop ends. Without a transactional id it only passes each send through.
 *
 * <p>A transaction is all or nothing for its readers: a {@code read_committed} consumer sees its events once the
 * commit marker is written, and never sees those of an aborted one. The events themselves are in the log either
 * way (a {@code read_uncommitted} consumer prints them), each acknowledged as usual.
 */
public final class Transactions<K, V> {

    /** A producer with the same transactional id took over: this one can do nothing more. Its message is the line to print. */
    public static final class FencedException extends RuntimeException {
        FencedException(String message) {
            super(message, null, false, false); // one line for the user, no stack trace to print
        }
    }

    private final Producer<K, V> producer;
    private final String transactionalId;
    private final long size;
    private final long abortEvery;
    private final TransactionLines lines;
    private final PrintStream out;
    private final PrintStream err;

    private boolean initialized;
    private boolean open;
    private int inTransaction; // events sent in the open transaction
    private long committed;
    private long aborted;
    private volatile boolean fenced; // seen by a send's callback, on the producer's I/O thread
    private final SortedMap<Integer, long[]> offsets = new TreeMap<>(); // partition -> {first, last} of the open one

    /** {@code transactionalId} null: no transactions, each send passes through. */
    public Transactions(Producer<K, V> producer, String transactionalId, long size, long abortEvery,
                        Language language, PrintStream out, PrintStream err) {
        this.producer = producer;
        this.transactionalId = transactionalId;
        this.size = size;
        this.abortEvery = abortEvery;
        this.lines = new TransactionLines(language);
        this.out = out;
        this.err = err;
    }

    /**
     * {@code transaction.timeout.ms}: the broker aborts a transaction left open longer than this (its producer
     * may have died). A transaction here lasts about size × interval, so give it that twice, and never less than
     * Kafka's 60 s, nor more than the broker's default maximum of 15 minutes.
     */
    public static int timeoutMs(Duration interval, long size) {
        long wanted = Math.max(60_000, 2 * interval.toMillis() * size);
        return (int) Math.min(wanted, 15 * 60_000);
    }

    /** Sends one event, inside the open transaction (begun here if none is); the size-th one ends it. */
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        if (transactionalId == null) {
            return producer.send(record, callback);
        }
        try {
            throwIfFenced();
            if (!open) {
                if (!initialized) {
                    // Registers the id with its transaction coordinator: bumps the id's epoch, which fences any
                    // older producer with this id, and aborts whatever transaction it left open.
                    producer.initTransactions();
                    initialized = true;
                }
                producer.beginTransaction();
                open = true;
            }
            Future<RecordMetadata> result = producer.send(record, (metadata, error) -> {
                if (error == null) {
                    noteOffset(metadata);
                } else if (fenced || isFencing(error)) {
                    fenced = true; // reported once, by the sending thread, instead of once per event
                    return;
                }
                callback.onCompletion(metadata, error);
            });
            if (++inTransaction == size) {
                end();
            }
            return result;
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new FencedException(lines.fenced(transactionalId));
        }
    }

    /** The loop is over (done, or Ctrl+C): end the open transaction as it would have ended, and print the tally. */
    public void finish() {
        if (transactionalId == null) {
            return;
        }
        try {
            throwIfFenced();
            if (open) {
                end();
            }
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new FencedException(lines.fenced(transactionalId));
        }
        err.println(lines.transactionSummary(committed, aborted));
    }

    private void end() {
        int events = inTransaction;
        boolean abort = abortEvery > 0 && (committed + aborted + 1) % abortEvery == 0;
        try {
            if (abort) {
                // flush first, so the events are in the log (read_uncommitted shows them) before the abort marker;
                // events still unsent at the abort would fail instead.
                producer.flush();
                throwIfFenced();
                producer.abortTransaction();
                aborted++;
                out.println(lines.transactionAborted(events));
            } else {
                // Flushes every event of the transaction, then writes a commit marker into each partition it
                // touched: from then on read_committed consumers return them.
                producer.commitTransaction();
                throwIfFenced();
                committed++;
                out.println(lines.transactionCommitted(events, rangesAndClear()));
            }
        } catch (KafkaException e) {
            if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException || isFencing(e)) {
                throw new FencedException(lines.fenced(transactionalId));
            }
            // Not worth going on: the events of this transaction are in an unknown state. The producer's close
            // aborts the transaction; the program ends with this one line.
            throw new IllegalStateException(lines.transactionFailed(Cli.oneLine(e)));
        } finally {
            open = false;
            inTransaction = 0;
            synchronized (offsets) {
                offsets.clear();
            }
        }
    }

    private void throwIfFenced() {
        if (fenced) {
            throw new FencedException(lines.fenced(transactionalId));
        }
    }

    private void noteOffset(RecordMetadata metadata) {
        synchronized (offsets) {
            long[] range = offsets.computeIfAbsent(metadata.partition(), p -> new long[] {Long.MAX_VALUE, -1});
            range[0] = Math.min(range[0], metadata.offset());
            range[1] = Math.max(range[1], metadata.offset());
        }
    }

    private String rangesAndClear() {
        synchronized (offsets) {
            String ranges = offsets.isEmpty() ? "-" : lines.offsetRanges(offsets);
            offsets.clear();
            return ranges;
        }
    }

    /** Whether an error says another producer took this transactional id over. */
    static boolean isFencing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }
}
