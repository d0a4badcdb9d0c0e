package dev.kafkatutorial.useractivity.consumer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.UserActivityProducer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One event as a JSON line for --output json: where it was read, the producer's event id (null for a record
 * written by another program), and the event itself.
 */
public record JsonLine(String topic, int partition, long offset, String key,
                       @JsonProperty("event_id") String eventId, UserActivity value) {

    /** The line for {@code record}, written by {@code writer} (the serde's mapper, so the event reads the same). */
    public static String of(ConsumerRecord<String, UserActivity> record, ObjectWriter writer) {
        Header id = record.headers().lastHeader(UserActivityProducer.EVENT_ID_HEADER);
        String eventId = id == null || id.value() == null ? null : new String(id.value(), StandardCharsets.UTF_8);
        try {
            return writer.writeValueAsString(new JsonLine(record.topic(), record.partition(), record.offset(),
                    record.key(), eventId, record.value()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event that was read cannot be written back", e);
        }
    }
}
