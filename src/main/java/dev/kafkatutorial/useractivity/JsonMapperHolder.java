package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one Jackson mapper the serde shares. Built on first use (the holder idiom), not at class loading:
 * building it costs a noticeable part of start-up, and a program that fails on its options never needs it.
 *
 * <p>Every serde makes its {@code ObjectWriter} or {@code ObjectReader} from it once, and Jackson keeps the
 * serializers and deserializers it builds for a type, so the per-record work is the JSON itself. Two settings are
 * there for speed only, and change no byte or value. The Blackbird module, Jackson's own replacement for
 * reflection: it reads the record's accessors and calls its constructor through a generated lambda each, not
 * through {@code Method.invoke} (on Java 17 a generic, boxing call on every field of every record); measured,
 * it made writing an event faster and reading it no slower. And Jackson's fast double parser for the
 * timestamps, which gives the same, correctly rounded double as {@link Double#parseDouble}, in less time.
 */
public final class JsonMapperHolder {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            // Strict types: "user_id": "abc", 12.5 or true is a malformed event, not something to coerce.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(LogicalType.Textual, text -> text // "action": 5 is not an action
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // One JSON value per record: trailing garbage after it means the record is damaged.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // the timestamps: same doubles, parsed faster
            .addModule(new BlackbirdModule()) // direct calls for the record's accessors and constructor
            .build();

    private JsonMapperHolder() {
    }
}
