package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Map;
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
 * from {@value #VALUE_TYPE_CONFIG} (or {@value #KEY_TYPE_CONFIG} for keys) in the client properties.
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
            throw new SerializationException(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
