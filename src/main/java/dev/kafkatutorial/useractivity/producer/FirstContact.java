package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.cli.ClientOptions;
import dev.kafkatutorial.useractivity.cli.Failures;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Fetches the topic's metadata once before the first event, so a wrong address, a missing topic or missing
 * rights end the run with one line after a bounded wait (max.block.ms), not with a failed first event.
 */
public final class FirstContact {

    private FirstContact() {
    }

    /**
     * True when the broker answered. Otherwise {@code fail} gets the line to end with, or nothing when a stop
     * request cut the wait (the summary then says nothing was sent); an error none of ours to explain is thrown.
     */
    public static boolean connect(Producer<?, ?> producer, String topic, BlockingSend blocking, ClientOptions client,
                                  ProducerLines lines, Consumer<String> fail) {
        blocking.enter();
        try {
            producer.partitionsFor(topic);
            return true;
        } catch (InterruptException e) {
            return false;
        } catch (KafkaException e) {
            String line = Failures.lineFor(e, producer.metrics(), client, topic, lines);
            if (line == null) {
                throw e;
            }
            fail.accept(line);
            return false;
        } finally {
            blocking.exit();
        }
    }
}
