package dev.kafkatutorial.useractivity.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The producer's {@code --output json}: one JSON line per event once Kafka has settled its fate, for scripts
 * and for the fault tests, which must know <em>which</em> events were acknowledged, not only how many.
 *
 * <pre>
 * {"event_id":"3f2a9c1e-0","status":"acknowledged","topic":"t","partition":0,"offset":5}
 * {"event_id":"3f2a9c1e-1","status":"failed","topic":"t","partition":null,"offset":null,"error":"..."}
 * {"event_id":"3f2a9c1e-2","status":"acknowledged","topic":"t","partition":0,"offset":7,"transaction":"committed"}
 * </pre>
 *
 * <p>A send callback runs once per event, on the producer's I/O thread, after the last retry: "acknowledged"
 * means every in-sync replica has the event ({@code acks=all}) at that partition and offset; "failed" means
 * Kafka gave up on it (the delivery timeout passed, or an error no retry can fix), and it may or may not be in
 * the topic: a request can time out after the broker wrote it. Under {@code --transactional-id} an event is
 * reported once its transaction has ended (see {@link Transactions}).
 */
public final class SendReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SendReport() {
    }

    /**
     * The line of an event the broker acknowledged at {@code metadata}'s partition and offset. Under
     * {@code --transactional-id}, {@code transaction} says whether its transaction committed (a read_committed
     * reader sees it) or was aborted on purpose ({@code --abort-every}: it never does); else null, and no field.
     */
    public static String acknowledged(String eventId, RecordMetadata metadata, Transactions.Outcome transaction) {
        ObjectNode line = start(eventId, "acknowledged", metadata.topic());
        line.put("partition", metadata.partition());
        line.put("offset", metadata.offset());
        if (transaction != null) {
            line.put("transaction", transaction.name());
        }
        return write(line);
    }

    /** The line of an event Kafka gave up on; where it would have gone is unknown. */
    public static String failed(String eventId, String topic, String error) {
        ObjectNode line = start(eventId, "failed", topic);
        line.putNull("partition");
        line.putNull("offset");
        line.put("error", error);
        return write(line);
    }

    private static ObjectNode start(String eventId, String status, String topic) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("event_id", eventId);
        line.put("status", status);
        line.put("topic", topic);
        return line;
    }

    private static String write(ObjectNode line) {
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serialises
        }
    }
}
