package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any Jackson-mappable value as UTF-8 JSON. Needs no configuration, so Kafka can create it from
 * {@code value.serializer=dev.kafkatutorial.useractivity.JsonSerializer} like any other serializer.
 *
 * <p>The {@link ObjectWriter} is made once, here, and reused for every record: a writer is immutable and
 * thread-safe, and making one per record would repeat its set-up each time. It writes straight to a byte array
 * ({@code writeValueAsBytes}), without a String in between.
 */
public class JsonSerializer<T> implements Serializer<T> {

    private final ObjectWriter writer;

    /** Any type: Jackson finds each value's serializer by its class (and remembers it). */
    public JsonSerializer() {
        this(JsonMapperHolder.MAPPER.writer());
    }

    /** One type, known in advance: the writer looks its serializer up once, not per value. */
    protected JsonSerializer(Class<T> type) {
        this(JsonMapperHolder.MAPPER.writerFor(type));
    }

    private JsonSerializer(ObjectWriter writer) {
        // Python's json.dumps separators (", " and ": "), so our records are byte for byte what the tutorial's
        // producer_example.py writes, also when a reader looks at them with kafka-console-consumer.
        this.writer = writer.with(new PythonSeparators());
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null; // Kafka's convention: a null value stays null (a tombstone), it is not "null" text
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write " + data.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Each separator written as its ready-made UTF-8 bytes (a String would be copied and encoded per use). */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final SerializedString COLON = new SerializedString(": ");
        private static final SerializedString COMMA = new SerializedString(", ");

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(COLON);
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(COMMA);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(COMMA);
        }
    }
}
