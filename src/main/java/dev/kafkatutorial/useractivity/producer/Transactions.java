package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.Failures;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The producer's {@code --transactional-id}: groups the send loop's events into transactions of
 * {@code --transaction-size}, commits each (or aborts every {@code --abort-every}-th on purpose) with one line,
 * and commits the open one when the loop ends. Without a transactional id it only passes each send through.
 *
 * <p>A transaction is all or nothing for its readers: a {@code read_committed} consumer sees its events once the
 * commit marker is written, and never sees those of an aborted one. So an event is reported (its success line,
 * its JSON line) once its transaction has ended, not when the broker wrote it: "acknowledged" then means
 * committed, or aborted on purpose.
 *
 * <p>Errors are handled as the {@code KafkaProducer} javadoc says. A {@code TimeoutException} from
 * {@code commitTransaction()} or {@code abortTransaction()} means no answer within {@code max.block.ms}, not a
 * failure: the same call is made again (the other would throw {@code IllegalStateException}), so a commit waits
 * out a broker that is away. Any other error but the fatal ones (a failed send, the client's abortable-error
 * state, {@code InvalidProducerEpochException} from the broker's transaction timeout, KIP-588) aborts the
 * transaction, and its events are sent again in the next one: none is lost, and a read_committed reader sees
 * each once. Only {@code ProducerFencedException} means another producer took the id over; the other fatal ones
 * ({@link Failures#fatalMessage}) end the run with one line, its events reported failed.
 */
public final class Transactions<K, V> {

    /** How an event's transaction ended, for its JSON line. */
    public enum Outcome { committed, aborted }

    /** An event's fate, once known: {@code transaction} is null without transactions and for a failed event. */
    public interface Report {
        void completed(RecordMetadata metadata, Exception error, Outcome transaction);
    }

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
    private final PrintStream out; // the commit and abort lines: stdout, or stderr under --output json
    private final PrintStream err;
    private final BlockingSend sending; // a stop cuts a send() at once
    private final BlockingSend ending; // and a commit or abort only after its grace
    private final Consumer<String> fatal; // ends the run with this line and the summary

    private boolean initialized;
    private boolean begun;
    private final List<Pending<K, V>> open = new ArrayList<>(); // the open transaction's events, in order
    private long committed;
    private long aborted;
    private long retried; // aborted after an error, their events sent again
    private boolean dead; // a fatal error: nothing more can be sent

    /** An event of the open transaction; its callback only notes the outcome, on the producer's I/O thread. */
    private static final class Pending<K, V> implements Callback {
        final ProducerRecord<K, V> record;
        final Report report;
        volatile RecordMetadata metadata;
        volatile Exception error;

        Pending(ProducerRecord<K, V> record, Report report) {
            this.record = record;
            this.report = report;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            this.metadata = error == null ? metadata : null;
            this.error = error;
        }
    }

    /** {@code options.transactionalId()} null: no transactions, each send passes through. */
    public Transactions(Producer<K, V> producer, ProducerOptions options, PrintStream out, PrintStream err,
                        BlockingSend sending, BlockingSend ending, Consumer<String> fatal) {
        this.producer = producer;
        this.transactionalId = options.transactionalId();
        this.size = options.transactionSize();
        this.abortEvery = options.abortEvery();
        this.lines = new TransactionLines(options.client().language());
        this.out = options.output() == ProducerOptions.Output.json ? err : out; // stdout holds JSON lines only
        this.err = err;
        this.sending = sending;
        this.ending = ending;
        this.fatal = fatal;
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

    /**
     * Sends one event, inside the open transaction (begun here if none is); the size-th one ends it. A stop cuts
     * the send with an {@code InterruptException}: the event was not sent, the caller reports it.
     */
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Report report) {
        if (transactionalId == null) {
            sending.enter();
            try {
                return producer.send(record, (metadata, error) -> report.completed(metadata, error, null));
            } finally {
                sending.exit();
            }
        }
        Pending<K, V> event = new Pending<>(record, report);
        open.add(event);
        Future<RecordMetadata> result;
        try {
            result = transmit(event);
        } catch (InterruptException e) {
            open.remove(event);
            throw e;
        }
        if (open.size() >= size) {
            end(false);
        }
        return result;
    }

    /** The loop is over (done, stopped, or failed): end the open transaction as it would have ended; the tally. */
    public void finish() {
        if (transactionalId == null) {
            return;
        }
        if (!dead) {
            end(true);
        }
        err.println(lines.transactionSummary(committed, aborted, retried));
    }

    /** Begins the transaction if none is open, and sends the event in it. */
    private Future<RecordMetadata> transmit(Pending<K, V> event) {
        sending.enter();
        try {
            if (!begun) {
                if (!initialized) {
                    // Registers the id with its transaction coordinator: bumps the id's epoch, which fences any
                    // older producer with this id, and aborts whatever transaction it left open.
                    producer.initTransactions();
                    initialized = true;
                }
                producer.beginTransaction();
                begun = true;
            }
        } catch (TimeoutException e) {
            event.onCompletion(null, e); // no coordinator within max.block.ms: tried again with the next send
            return CompletableFuture.failedFuture(e);
        } catch (InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            // Only a fatal error refuses to begin (an abortable one was aborted): the broker refuses this
            // transaction.timeout.ms, say, or this id.
            if (isFencing(e)) {
                throw new FencedException(lines.fenced(transactionalId));
            }
            die(e);
            return CompletableFuture.failedFuture(e);
        } finally {
            sending.exit();
        }
        sending.enter();
        try {
            return producer.send(event.record, event);
        } catch (InterruptException e) {
            throw e;
        } catch (KafkaException e) {
            if (isFencing(e)) {
                throw new FencedException(lines.fenced(transactionalId));
            }
            // Not in the transaction: the client is in its abortable-error state (an earlier send failed), or the
            // broker is away. The commit fails in turn, and the event goes again in the next transaction.
            event.onCompletion(null, e);
            return CompletableFuture.failedFuture(e);
        } finally {
            sending.exit();
        }
    }

    /**
     * Ends the open transaction: commits it, or aborts it on purpose every K-th. After an error it is aborted
     * and its events are sent again at once; that transaction is then ended here too when full or when the run
     * is over ({@code finishing}), else the loop fills it.
     */
    private void end(boolean finishing) {
        while (!open.isEmpty() && !dead) {
            boolean onPurpose = abortEvery > 0 && (committed + aborted + 1) % abortEvery == 0;
            if (begun && (onPurpose ? abortOnPurpose() : commit())) {
                return;
            }
            // An error aborted the transaction, or it never began (no coordinator yet): send its events again.
            if (ending.stopped()) {
                failAll(lines.notSentAgain());
                return;
            }
            resend();
            if (open.size() < size && !finishing) {
                return;
            }
        }
    }

    /** True when the transaction ended (committed, given up or fatal); false when its events are to go again. */
    private boolean commit() {
        RuntimeException error = complete(producer::commitTransaction);
        if (error == null) {
            // Flushes every event of the transaction, then writes a commit marker into each partition it touched:
            // from then on read_committed consumers return them. Every callback has run.
            committed++;
            SortedMap<Integer, long[]> ranges = new TreeMap<>();
            List<Pending<K, V>> left = new ArrayList<>();
            for (Pending<K, V> event : open) {
                if (event.metadata == null) {
                    left.add(event); // its send failed before it joined the transaction
                    continue;
                }
                long[] range = ranges.computeIfAbsent(event.metadata.partition(), p -> new long[] {Long.MAX_VALUE, -1});
                range[0] = Math.min(range[0], event.metadata.offset());
                range[1] = Math.max(range[1], event.metadata.offset());
                event.report.completed(event.metadata, null, Outcome.committed);
            }
            out.println(lines.transactionCommitted(open.size() - left.size(), ranges.isEmpty() ? "-" : lines.offsetRanges(ranges)));
            begun = false;
            open.retainAll(left);
            return keepOnlyThoseToSendAgain();
        }
        return ended(error) || abortAfter(error);
    }

    /** --abort-every: flush first, so the events are in the log (read_uncommitted shows them), then abort. */
    private boolean abortOnPurpose() {
        RuntimeException error = complete(producer::flush);
        if (error == null) {
            error = complete(producer::abortTransaction);
        }
        if (error != null) {
            return ended(error) || abortAfter(error);
        }
        aborted++;
        for (Pending<K, V> event : open) {
            event.report.completed(event.metadata, event.error, event.error == null ? Outcome.aborted : null);
        }
        out.println(lines.transactionAborted(open.size()));
        begun = false;
        open.clear();
        return true;
    }

    /** After a non-fatal error: abort, so the next transaction can begin, and keep the events to send again. */
    private boolean abortAfter(RuntimeException cause) {
        RuntimeException error = complete(producer::abortTransaction);
        if (error != null) {
            return ended(error) || die(error); // an abort that fails otherwise leaves nothing to try
        }
        retried++;
        begun = false;
        err.println(lines.transactionRetried(open.size(), Cli.oneLine(cause)));
        return keepOnlyThoseToSendAgain();
    }

    /**
     * Calls {@code commitTransaction}, {@code abortTransaction} or {@code flush} to its end: a TimeoutException
     * (no answer within max.block.ms; the request may still complete) is answered with the same call, never
     * another. A stop lets the call finish within its grace. Returns null when done, else the error.
     */
    private RuntimeException complete(Runnable call) {
        while (true) {
            ending.enter();
            try {
                call.run();
                return null;
            } catch (TimeoutException | InterruptException e) {
                if (ending.graceOver()) {
                    return e;
                }
                // a timeout: the broker is away or slow; an interrupt: the stop, whose grace is not over yet
            } catch (RuntimeException e) {
                return e;
            } finally {
                ending.exit();
            }
        }
    }

    /** Whether {@code error} ends the transaction for good (the stop's grace is over, fenced, fatal); reports it. */
    private boolean ended(RuntimeException error) {
        if ((error instanceof TimeoutException || error instanceof InterruptException) && ending.graceOver()) {
            failAll(lines.stoppedDuringCommit(ending.grace()));
            return true;
        }
        if (isFencing(error)) {
            throw new FencedException(lines.fenced(transactionalId));
        }
        return isFatal(error) && die(error);
    }

    /** Sends the kept events again, in a new transaction. */
    private void resend() {
        for (Pending<K, V> event : List.copyOf(open)) {
            event.onCompletion(null, null);
            try {
                transmit(event);
            } catch (InterruptException e) {
                open.remove(event); // stopped meanwhile
                event.report.completed(null, new KafkaException(lines.notSentAgain()), null);
            }
        }
    }

    /** Events whose own send failed for good (a record too large, say) are reported failed; the rest stay. */
    private boolean keepOnlyThoseToSendAgain() {
        open.removeIf(event -> {
            if (event.error == null || sendAgain(event.error)) {
                return false;
            }
            event.report.completed(null, event.error, null);
            return true;
        });
        return open.isEmpty();
    }

    /** A fatal error: every event of the transaction fails with its line, and the run ends. */
    private boolean die(RuntimeException error) {
        String reason = Failures.fatalMessage(error, lines);
        String line = lines.transactionFailed(reason != null ? reason : Cli.oneLine(error));
        failAll(line);
        dead = true;
        fatal.accept(line);
        return true;
    }

    private void failAll(String reason) {
        KafkaException error = new KafkaException(reason);
        for (Pending<K, V> event : open) {
            event.report.completed(null, error, null);
        }
        open.clear();
    }

    /** Failures.fatalMessage's errors, anywhere in the cause chain, and anything that is not Kafka's. */
    private boolean isFatal(RuntimeException error) {
        if (!(error instanceof KafkaException)) {
            return true; // an IllegalStateException: the client refuses the call, no retry can help
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (Failures.fatalMessage(t, lines) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an event that failed is worth sending again: its failure was the transaction's (an abort, the
     * error state, a timeout, anything retriable), not the event's own (a record too large, an invalid one).
     */
    static boolean sendAgain(Exception error) {
        return error instanceof org.apache.kafka.common.errors.RetriableException
                || error instanceof org.apache.kafka.common.errors.TransactionAbortedException
                || error instanceof org.apache.kafka.common.errors.InvalidProducerEpochException
                || error instanceof org.apache.kafka.common.errors.TransactionAbortableException
                || error.getClass() == KafkaException.class; // the client's error state, not the event's
    }

    /** Whether an error says another producer took this transactional id over: ProducerFencedException only. */
    static boolean isFencing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException) {
                return true;
            }
        }
        return false;
    }
}
