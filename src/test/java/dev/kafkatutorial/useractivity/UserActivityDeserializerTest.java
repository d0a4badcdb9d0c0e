package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The consumer's fast reader gives what Jackson (JsonDeserializer) gives, event or error, for any bytes. */
class UserActivityDeserializerTest {

    private final UserActivityDeserializer fast = new UserActivityDeserializer();
    private final JsonDeserializer<UserActivity> jackson = new JsonDeserializer<>(UserActivity.class);

    private static Object outcome(java.util.function.Supplier<UserActivity> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private void same(byte[] value) {
        assertThat(outcome(() -> fast.deserialize("t", value)))
                .as(new String(value, StandardCharsets.UTF_8))
                .isEqualTo(outcome(() -> jackson.deserialize("t", value)));
    }

    private void same(String value) {
        same(value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatTheProducerWrites() {
        Random random = new Random(7);
        UserActivitySerializer serializer = new UserActivitySerializer();
        for (int i = 0; i < 20_000; i++) {
            long millis = 1_600_000_000_000L + (random.nextLong() & 0xffffffffffL);
            UserActivity event = new RandomActivities(random,
                    Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).get();
            byte[] bytes = serializer.serialize("t", event);
            assertThat(fast.deserialize("t", bytes)).isEqualTo(event);
            same(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"user_id\": 123, \"action\": \"login\", \"timestamp\": 1646092800.123}",
            "{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800, \"amount\": 500}",
            "{\"user_id\": 0, \"action\": \"dance\", \"timestamp\": 0.5}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1646092800.123456789}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 12345678901234567.5}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 9007199254740993}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 0.1000000000000000000000001}",
            "{\"user_id\": 999999999999999999, \"action\": \"login\", \"timestamp\": 1.0}",
            "{\"user_id\": 9223372036854775807, \"action\": \"login\", \"timestamp\": 1.0}",
            "{\"user_id\": 9223372036854775808, \"action\": \"login\", \"timestamp\": 1.0}",
            "{\"user_id\": -5, \"action\": \"login\", \"timestamp\": -1.5, \"amount\": -3}",
            "{\"user_id\": 012, \"action\": \"login\", \"timestamp\": 1.0}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 01.5}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": .5}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1e3}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1e400}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5, \"amount\": null}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5, \"amount\": 5.5}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5, \"device\": \"ios\"}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5}  ",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5}}",
            "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5",
            "{\"user_id\": 1, \"action\": \"   \", \"timestamp\": 1.5}",
            "{\"user_id\": 1, \"action\": \"\", \"timestamp\": 1.5}",
            "{\"user_id\": 1, \"action\": \"say \\\"hi\\\"\", \"timestamp\": 1.5}",
            "{\"user_id\": 1, \"action\": \"결제\", \"timestamp\": 1.5}",
            "{\"user_id\": 1, \"action\": \"\\u0041\", \"timestamp\": 1.5}",
            "{\"user_id\":1,\"action\":\"login\",\"timestamp\":1.5}",
            "{\"action\": \"login\", \"user_id\": 1, \"timestamp\": 1.5}",
            "{\"user_id\": 1, \"user_id\": 2, \"action\": \"login\", \"timestamp\": 1.5}",
            "{\"user_id\": 1, \"action\": \"login\"}",
            "{\"user_id\": \"1\", \"action\": \"login\", \"timestamp\": 1.5}",
            "{\"user_id\": 1, \"action\": 5, \"timestamp\": 1.5}",
            "not json", "", "{}", "[]", "null", "{\"user_id\": "})
    void agreesWithJackson(String value) {
        same(value);
    }

    @Test
    void agreesOnBinaryAndOnNull() {
        same(new byte[] {(byte) 0xff, 0x00, 0x7b});
        assertThat(fast.deserialize("t", null)).isNull();
    }
}
