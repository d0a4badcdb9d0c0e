package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.cli.Failures;
import dev.kafkatutorial.useractivity.cli.Lines;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The transactional producer's blocking calls made as the {@code KafkaProducer} javadoc asks, and what their
 * errors mean. A {@code TimeoutException} from {@code commitTransaction()} or {@code abortTransaction()} says no
 * answer came within {@code max.block.ms}, not that the call failed: the request may still complete, so the same
 * call is made again (another one would throw {@code IllegalStateException}). A stop lets the call go on for its
 * grace, and only then cuts it.
 */
final class TransactionCalls {

    private final BlockingSend ending;

    TransactionCalls(BlockingSend ending) {
        this.ending = ending;
    }

    /** Makes {@code call} until it completes: returns null then, else the error that ended it. */
    RuntimeException complete(Runnable call) {
        while (true) {
            ending.enter();
            try {
                call.run();
                return null;
            } catch (TimeoutException | InterruptException e) {
                if (ending.graceOver()) {
                    return e;
                }
                // a timeout: the broker is away or slow; an interrupt: a stop whose grace is not over yet
            } catch (RuntimeException e) {
                return e;
            } finally {
                ending.exit();
            }
        }
    }

    /** Whether {@code error} is the stop's grace running out: the call's outcome is unknown. */
    boolean cutByTheStop(RuntimeException error) {
        return (error instanceof TimeoutException || error instanceof InterruptException) && ending.graceOver();
    }

    /** Another producer took this transactional id over: ProducerFencedException, and nothing else. */
    static boolean isFencing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * An error no abort can mend: Failures.fatalMessage's (authorization, an unsupported version, an out-of-order
     * sequence), anywhere in the cause chain, and anything that is not Kafka's (the client refusing the call).
     * Every other one, InvalidProducerEpochException included (KIP-588), is abortable.
     */
    static boolean isFatal(RuntimeException error, Lines lines) {
        if (!(error instanceof KafkaException)) {
            return true;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (Failures.fatalMessage(t, lines) != null) {
                return true;
            }
        }
        return false;
    }
}
