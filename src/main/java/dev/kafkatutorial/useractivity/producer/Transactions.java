package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.cli.Cli;
import dev.kafkatutorial.useractivity.cli.Failures;
import java.io.PrintStream;
import java.time.Duration;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
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
    private final BlockingSend stopping; // and a commit or abort only once its grace is over
    private final TransactionCalls calls;
    private final Consumer<String> fatal; // ends the run with this line and the summary

    private boolean initialized;
    private boolean begun;
    private final OpenTransaction<K, V> open = new OpenTransaction<>();
    private long committed;
    private long aborted;
    private long retried; // aborted after an error, their events sent again
    private boolean dead; // a fatal error: nothing more can be sent

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
        this.stopping = ending;
        this.calls = new TransactionCalls(ending);
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
        OpenTransaction<K, V>.Event event = open.add(record, report);
        Future<RecordMetadata> result;
        try {
            result = transmit(event);
        } catch (InterruptException e) {
            open.remove(event);
            throw e;
        }
        // Full, or broken: a send that failed (the broker's answer to a fenced or timed-out epoch, say) leaves the
        // client in its abortable-error state, and every later send of this transaction would fail too.
        if (open.size() >= size || open.failing()) {
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
    private Future<RecordMetadata> transmit(OpenTransaction<K, V>.Event event) {
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
                open.began();
            }
            return producer.send(event.record, event);
        } catch (InterruptException e) {
            throw e;
        } catch (RuntimeException e) {
            if (TransactionCalls.isFencing(e)) {
                throw new FencedException(lines.fenced(transactionalId));
            }
            if (begun || e instanceof TimeoutException) {
                // Not in the transaction: the client is in its abortable-error state (an earlier send failed), or
                // the broker is away. The commit fails in turn, and the event goes again in the next transaction.
                event.onCompletion(null, e);
            } else {
                die(e); // only a fatal error refuses to begin: this transaction.timeout.ms, or this id, say
            }
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
            if (stopping.stopped()) {
                open.failAll(lines.notSentAgain());
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
        RuntimeException error = calls.complete(producer::commitTransaction);
        if (error != null) {
            return ended(error) || abortAfter(error);
        }
        // The commit flushed every event of the transaction, then wrote a commit marker into each partition it
        // touched: from then on read_committed consumers return them.
        committed++;
        begun = false;
        int events = open.size();
        SortedMap<Integer, long[]> ranges = open.reportCommitted();
        out.println(lines.transactionCommitted(events - open.size(), ranges.isEmpty() ? "-" : lines.offsetRanges(ranges)));
        return open.keepOnlyThoseToSendAgain();
    }

    /** --abort-every: flush first, so the events are in the log (read_uncommitted shows them), then abort. */
    private boolean abortOnPurpose() {
        RuntimeException error = calls.complete(producer::flush);
        if (error == null) {
            error = calls.complete(producer::abortTransaction);
        }
        // Cut by the stop, the transaction stays open until the broker aborts it: aborted either way.
        if (error != null && !calls.cutByTheStop(error)) {
            return ended(error) || abortAfter(error);
        }
        aborted++;
        begun = false;
        out.println(lines.transactionAborted(open.reportAborted()));
        return true;
    }

    /** After a non-fatal error: abort, so that the next transaction can begin, and keep the events to send again. */
    private boolean abortAfter(RuntimeException cause) {
        RuntimeException error = calls.complete(producer::abortTransaction);
        if (error != null && calls.cutByTheStop(error)) {
            open.failAll(lines.notSentAgain()); // aborted, or left open until the broker aborts it
            return true;
        }
        if (error != null) {
            return ended(error) || die(error); // an abort that fails otherwise leaves nothing to try
        }
        retried++;
        begun = false;
        err.println(lines.transactionRetried(open.size(), Cli.oneLine(cause)));
        return open.keepOnlyThoseToSendAgain();
    }

    /**
     * Whether {@code error} ends the transaction for good: the stop's grace ran out during its commit (whether it
     * committed is unknown), a fencing, a fatal error.
     */
    private boolean ended(RuntimeException error) {
        if (calls.cutByTheStop(error)) {
            open.failAll(lines.stoppedDuringCommit(stopping.grace()));
            return true;
        }
        if (TransactionCalls.isFencing(error)) {
            throw new FencedException(lines.fenced(transactionalId));
        }
        return TransactionCalls.isFatal(error, lines) && die(error);
    }

    /** Sends the kept events again, in a new transaction. */
    private void resend() {
        for (OpenTransaction<K, V>.Event event : open.events()) {
            event.clear();
            try {
                transmit(event);
            } catch (InterruptException e) {
                open.remove(event); // stopped meanwhile
                event.report.completed(null, new KafkaException(lines.notSentAgain()), null);
            }
        }
    }

    /** A fatal error: every event of the transaction fails with its line, and the run ends. */
    private boolean die(RuntimeException error) {
        String reason = Failures.fatalMessage(error, lines);
        String line = lines.transactionFailed(reason != null ? reason : Cli.oneLine(error));
        open.failAll(line);
        dead = true;
        fatal.accept(line);
        return true;
    }
}
