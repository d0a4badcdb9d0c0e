package dev.kafkatutorial.useractivity.consumer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.UserActivity;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One event as a JSON line for --output json: where it was read, the producer's event id (null for a record
 * written by another program), the event itself, its timestamp and every header.
 *
 * <p>The timestamp is the producer's send time ({@code CreateTime}) unless the topic sets
 * {@code message.timestamp.type=LogAppendTime}, when the broker stamps its own: {@code timestamp_type} says which.
 * Headers are bytes to Kafka; each is shown as text where it is UTF-8, else as {@code value_base64}. A list, not
 * an object: a record may carry the same header key twice. {@code lag} is the events after this one in its
 * partition when it was polled (see {@link Lag}), null when not known. {@code delivery_count}, only for a share
 * group's member: how many times the broker has handed this record out, 1 the first time.
 */
public record JsonLine(String topic, int partition, long offset, String key,
                       @JsonProperty("event_id") String eventId, UserActivity value,
                       long timestamp, @JsonProperty("timestamp_type") String timestampType,
                       List<HeaderText> headers, Long lag,
                       @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("delivery_count") Short deliveryCount) {

    /** One header: {@code value} when UTF-8 text (or null), else {@code value_base64}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HeaderText(String key, String value, @JsonProperty("value_base64") String valueBase64) {
        public static HeaderText of(Header header) {
            byte[] bytes = header.value();
            if (bytes == null) {
                return new HeaderText(header.key(), null, null);
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                return new HeaderText(header.key(), text, null);
            } catch (CharacterCodingException e) {
                return new HeaderText(header.key(), null, Base64.getEncoder().encodeToString(bytes));
            }
        }
    }

    /** The line for {@code record}, written by {@code writer} (the serde's mapper, so the event reads the same). */
    public static String of(ConsumerRecord<String, UserActivity> record, ObjectWriter writer) {
        return of(record, writer, null);
    }

    /** As above, with the record's lag (null: unknown). */
    public static String of(ConsumerRecord<String, UserActivity> record, ObjectWriter writer, Long lag) {
        Header id = record.headers().lastHeader(EventIdHeader.NAME);
        String eventId = id == null || id.value() == null ? null : new String(id.value(), StandardCharsets.UTF_8);
        try {
            return writer.writeValueAsString(new JsonLine(record.topic(), record.partition(), record.offset(),
                    record.key(), eventId, record.value(), record.timestamp(), record.timestampType().toString(),
                    StreamSupport.stream(record.headers().spliterator(), false).map(HeaderText::of).toList(), lag,
                    record.deliveryCount().orElse(null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event that was read cannot be written back", e);
        }
    }
}
