package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper the serde shares. Built on first use (the holder idiom), not at class loading:
 * building it costs a noticeable part of start-up, and a program that fails on its options never needs it.
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
            .build();

    private JsonMapperHolder() {
    }
}
