package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads UTF-8 JSON into a Java type, strictly: a value that is not valid JSON for the type (wrong types,
 * missing required fields, truncated or binary data) throws a {@link SerializationException}, which the
 * consumer receives as a {@link org.apache.kafka.common.errors.RecordDeserializationException} carrying
 * the record's partition and offset, so it can report and skip that one record.
 *
 * <p>The target type comes from the constructor, or, when Kafka creates the deserializer by class name,
 * from {@value #VALUE_TYPE_CONFIG} (or {@value #KEY_TYPE_CONFIG} for keys) in the client properties. Either way
 * the {@link ObjectReader} for it is made once and reused for every record (a reader is immutable and
 * thread-safe; it finds the type's deserializer once, not per record), and it reads the record's bytes as they
 * are ({@code readValue(byte[])}), without a String in between.
 */
public class JsonDeserializer<T> implements Deserializer<T> {

    /** Client property naming the class that record values are read into. */
    public static final String VALUE_TYPE_CONFIG = "json.value.type";
    /** Client property naming the class that record keys are read into. */
    public static final String KEY_TYPE_CONFIG = "json.key.type";

    private ObjectReader reader;

    /** For Kafka, which creates deserializers by class name and then calls {@link #configure}. */
    public JsonDeserializer() {
    }

    /** For one type, known in advance; {@link #configure} then changes nothing. */
    public JsonDeserializer(Class<T> type) {
        this.reader = JsonMapperHolder.MAPPER.readerFor(type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (reader != null) {
            return; // the constructor's type wins, as with Kafka's own configurable serdes
        }
        String property = isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG;
        Object type = configs.get(property);
        if (type instanceof Class<?> cls) {
            reader = JsonMapperHolder.MAPPER.readerFor(cls);
        } else if (type instanceof String name) {
            try {
                reader = JsonMapperHolder.MAPPER.readerFor(
                        Class.forName(name.trim(), true, Thread.currentThread().getContextClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new ConfigException(property, name, "class not found");
            }
        } else {
            throw new ConfigException(property, type, "set it to the class to read JSON into");
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // a null value (tombstone) is not JSON; the caller decides what it means
        }
        if (reader == null) {
            throw new IllegalStateException("JsonDeserializer has no target type: set " + VALUE_TYPE_CONFIG);
        }
        try {
            return reader.readValue(data);
        } catch (JsonProcessingException e) {
            // The reason alone becomes the message; Jackson's exception rides along as a suppressed one (for a
            // stack trace), not as the cause, whose message would repeat the reason with its location.
            SerializationException malformed = new SerializationException(reason(e));
            malformed.addSuppressed(e);
            throw malformed;
        } catch (IOException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }

    /** Jackson's {@code [Source: REDACTED ...; line: 1, column: 9]}: a position in a one-line record, noise here. */
    private static final Pattern SOURCE = Pattern.compile(
            "\\s*\\((?:start marker )?at \\[Source: [^\\]]*\\]\\)|\\s*(?:at )?\\[Source: [^\\]]*\\]");
    private static final String COERCION_HINT = " (but might if coercion using `CoercionConfig` was enabled)";

    /** Why a value is not valid JSON for the type, in one line: Jackson's own words and the field it concerns. */
    static String reason(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return e.getCause().getMessage(); // the event's own check, e.g. "timestamp is not a finite number"
        }
        String reason = SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("")
                .replace(COERCION_HINT, "").replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            if (!field.isEmpty() && !reason.contains("'" + field + "'")) {
                reason += " (field: " + field + ")";
            }
        }
        return reason;
    }
}
