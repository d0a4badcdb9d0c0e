package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private final JsonSerializer<UserActivity> serializer = new JsonSerializer<>();
    private final JsonDeserializer<UserActivity> deserializer = new JsonDeserializer<>(UserActivity.class);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private UserActivity read(String json) {
        return deserializer.deserialize("t", utf8(json));
    }

    @Test
    void writesWhatPythonsJsonDumpsWrites() {
        UserActivity login = UserActivity.of(123, Action.LOGIN, 1646092800.123, null);
        UserActivity payment = UserActivity.of(456, Action.PAYMENT, 1646092800.0, 500L);

        assertThat(new String(serializer.serialize("t", login), StandardCharsets.UTF_8))
                .isEqualTo("{\"user_id\": 123, \"action\": \"login\", \"timestamp\": 1646092800.123}");
        assertThat(new String(serializer.serialize("t", payment), StandardCharsets.UTF_8))
                .isEqualTo("{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800.0, \"amount\": 500}");
    }

    @Test
    void roundTripsEveryAction() {
        for (Action action : Action.values()) {
            UserActivity event = UserActivity.of(7, action, 1764057000.5,
                    action == Action.PAYMENT ? 1200L : null);
            assertThat(deserializer.deserialize("t", serializer.serialize("t", event))).isEqualTo(event);
        }
    }

    @Test
    void readsWhatPythonsJsonDumpsWrites() {
        // json.dumps puts a space after ':' and ','; time.time() is a float, an int timestamp is accepted too
        assertThat(read("{\"user_id\": 123, \"action\": \"login\", \"timestamp\": 1646092800.123456}"))
                .isEqualTo(new UserActivity(123, "login", 1646092800.123456, null));
        assertThat(read("{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800, \"amount\": 500}"))
                .isEqualTo(new UserActivity(456, "payment", 1646092800.0, 500L));
    }

    @Test
    void ignoresUnknownFieldsAndKeepsUnknownActions() {
        assertThat(read("{\"user_id\": 1, \"action\": \"dance\", \"timestamp\": 2.5, \"device\": {\"os\": [\"ios\"]}}"))
                .isEqualTo(new UserActivity(1, "dance", 2.5, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "not json",
        "",
        "   ",
        "[]",
        "\"just a string\"",
        "{\"user_id\": 1, \"action\": \"login\"}",
        "{\"action\": \"login\", \"timestamp\": 1.0}",
        "{\"user_id\": 1, \"timestamp\": 1.0}",
        "{\"user_id\": \"abc\", \"action\": \"login\", \"timestamp\": 1.0}",
        "{\"user_id\": \"12\", \"action\": \"login\", \"timestamp\": 1.0}",
        "{\"user_id\": 12.5, \"action\": \"login\", \"timestamp\": 1.0}",
        "{\"user_id\": null, \"action\": \"login\", \"timestamp\": 1.0}",
        "{\"user_id\": 1, \"action\": null, \"timestamp\": 1.0}",
        "{\"user_id\": 1, \"action\": \"\", \"timestamp\": 1.0}",
        "{\"user_id\": 1, \"action\": 5, \"timestamp\": 1.0}",
        "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": \"yesterday\"}",
        "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": true}",
        "{\"user_id\": 1, \"action\": \"payment\", \"timestamp\": 1.0, \"amount\": \"500\"}",
        "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.0} trailing",
        "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.0",
    })
    void rejectsMalformedValues(String value) {
        assertThatThrownBy(() -> read(value)).isInstanceOf(SerializationException.class)
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsBinaryAndInvalidUtf8() {
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe}))
                .isInstanceOf(SerializationException.class);
        byte[] invalidUtf8 = utf8("{\"user_id\": 1, \"action\": \"X\", \"timestamp\": 1.0}");
        invalidUtf8[27] = (byte) 0xc3; // a lead byte followed by an ASCII quote
        assertThatThrownBy(() -> deserializer.deserialize("t", invalidUtf8))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void nullStaysNull() {
        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void isConfiguredThroughClientPropertiesLikeAnyKafkaSerde() {
        try (JsonDeserializer<Object> byName = new JsonDeserializer<>()) {
            byName.configure(Map.of(JsonDeserializer.VALUE_TYPE_CONFIG, UserActivity.class.getName()), false);
            assertThat(byName.deserialize("t", utf8("{\"user_id\": 9, \"action\": \"search\", \"timestamp\": 1}")))
                    .isEqualTo(new UserActivity(9, "search", 1.0, null));
        }
        try (JsonDeserializer<Object> forKeys = new JsonDeserializer<>()) {
            forKeys.configure(Map.of(JsonDeserializer.KEY_TYPE_CONFIG, UserActivity.class), true);
            assertThat(forKeys.deserialize("t", utf8("{\"user_id\": 9, \"action\": \"search\", \"timestamp\": 1}")))
                    .isInstanceOf(UserActivity.class);
        }
    }

    @Test
    void saysWhatIsMissingFromItsConfiguration() {
        try (JsonDeserializer<Object> unset = new JsonDeserializer<>()) {
            assertThatThrownBy(() -> unset.configure(Map.of(), false))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(JsonDeserializer.VALUE_TYPE_CONFIG);
            assertThatThrownBy(() -> unset.configure(Map.of(JsonDeserializer.VALUE_TYPE_CONFIG, "no.such.Type"), false))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("no.such.Type");
        }
    }
}
