package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consumer's deserializer reads every layout of the event JSON allows, and rejects everything else with the
 * reason the consumer's skip line prints, word for word.
 */
class UserActivityDeserializerTest {

    private final UserActivityDeserializer deserializer = new UserActivityDeserializer();

    private UserActivity read(byte[] value) {
        return deserializer.deserialize("t", value);
    }

    @Test
    void readsWhatTheProducerWrites() {
        Random random = new Random(7);
        UserActivitySerializer serializer = new UserActivitySerializer();
        for (int i = 0; i < 20_000; i++) {
            long millis = 1_600_000_000_000L + (random.nextLong() & 0xffffffffffL);
            UserActivity event = new RandomActivities(random,
                    Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).get();
            assertThat(read(serializer.serialize("t", event))).isEqualTo(event);
        }
    }

    private static Arguments event(String json, long userId, String action, double timestamp, Long amount) {
        return arguments(json, new UserActivity(userId, action, timestamp, amount));
    }

    private static Stream<Arguments> accepted() {
        return Stream.of(
                event("{\"user_id\": 123, \"action\": \"login\", \"timestamp\": 1646092800.123}",
                        123, "login", 1646092800.123, null),
                event("{\"user_id\": 456, \"action\": \"payment\", \"timestamp\": 1646092800, \"amount\": 500}",
                        456, "payment", 1646092800.0, 500L),
                event("{\"user_id\": 0, \"action\": \"dance\", \"timestamp\": 0.5}", 0, "dance", 0.5, null),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1646092800.123456789}",
                        1, "login", 1646092800.123456789, null),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 12345678901234567.5}",
                        1, "login", 12345678901234567.5, null),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 9007199254740993}",
                        1, "login", 9007199254740992.0, null),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 0.1000000000000000000000001}",
                        1, "login", 0.1, null),
                event("{\"user_id\": 999999999999999999, \"action\": \"login\", \"timestamp\": 1.0}",
                        999999999999999999L, "login", 1.0, null),
                event("{\"user_id\": 9223372036854775807, \"action\": \"login\", \"timestamp\": 1.0}",
                        Long.MAX_VALUE, "login", 1.0, null),
                event("{\"user_id\": -5, \"action\": \"login\", \"timestamp\": -1.5, \"amount\": -3}",
                        -5, "login", -1.5, -3L),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1e3}", 1, "login", 1000.0, null),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5, \"amount\": null}",
                        1, "login", 1.5, null),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5, \"device\": \"ios\"}",
                        1, "login", 1.5, null),
                event("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5}  ", 1, "login", 1.5, null),
                event("{\"user_id\": 1, \"action\": \"say \\\"hi\\\"\", \"timestamp\": 1.5}",
                        1, "say \"hi\"", 1.5, null),
                event("{\"user_id\": 1, \"action\": \"결제\", \"timestamp\": 1.5}", 1, "결제", 1.5, null),
                event("{\"user_id\": 1, \"action\": \"\\u0041\", \"timestamp\": 1.5}", 1, "A", 1.5, null),
                event("{\"user_id\":1,\"action\":\"login\",\"timestamp\":1.5}", 1, "login", 1.5, null),
                event("{\"action\": \"login\", \"user_id\": 1, \"timestamp\": 1.5}", 1, "login", 1.5, null),
                event("{\"user_id\": 1, \"user_id\": 2, \"action\": \"login\", \"timestamp\": 1.5}",
                        2, "login", 1.5, null));
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void readsAnyLayoutOfTheEvent(String json, UserActivity expected) {
        assertThat(read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    private static final String VALUE_EXPECTED =
            "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    private static Stream<Arguments> rejected() {
        return Stream.of(
                arguments("{\"user_id\": 9223372036854775808, \"action\": \"login\", \"timestamp\": 1.0}",
                        "Numeric value (9223372036854775808) out of range of long (-9223372036854775808 - "
                                + "9223372036854775807) (field: user_id)"),
                arguments("{\"user_id\": 012, \"action\": \"login\", \"timestamp\": 1.0}",
                        "Invalid numeric value: Leading zeroes not allowed"),
                arguments("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 01.5}",
                        "Invalid numeric value: Leading zeroes not allowed"),
                arguments("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.}",
                        "Unexpected character ('}' (code 125)) in numeric value: Decimal point not followed by a digit"),
                arguments("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": .5}",
                        "Unexpected character ('.' (code 46)): expected a valid value (JSON String, Number, Array, "
                                + "Object or token 'null', 'true' or 'false')"),
                arguments("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1e400}",
                        "timestamp is not a finite number"),
                arguments("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5, \"amount\": 5.5}",
                        "Cannot coerce Floating-point value (5.5) to `java.lang.Long` value (but could if coercion "
                                + "was enabled using `CoercionConfig`) (field: amount)"),
                arguments("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5}}",
                        "Unexpected close marker '}': no open Object to close"),
                arguments("{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.5",
                        "Unexpected end-of-input: expected close marker for Object"),
                arguments("{\"user_id\": 1, \"action\": \"   \", \"timestamp\": 1.5}", "action is missing"),
                arguments("{\"user_id\": 1, \"action\": \"\", \"timestamp\": 1.5}", "action is missing"),
                arguments("{\"user_id\": 1, \"action\": \"login\"}",
                        "Missing required creator property 'timestamp' (index 2)"),
                arguments("{\"user_id\": \"1\", \"action\": \"login\", \"timestamp\": 1.5}",
                        "Cannot coerce String value (\"1\") to `long` value (field: user_id)"),
                arguments("{\"user_id\": 1, \"action\": 5, \"timestamp\": 1.5}",
                        "Cannot coerce Integer value (5) to `java.lang.String` value (but could if coercion was "
                                + "enabled using `CoercionConfig`) (field: action)"),
                arguments("not json", "Unrecognized token 'not': " + VALUE_EXPECTED),
                arguments("", "No content to map due to end-of-input"),
                arguments("{}", "Missing required creator property 'user_id' (index 0)"),
                arguments("[]", "Cannot deserialize value of type `dev.kafkatutorial.useractivity.UserActivity` "
                        + "from Array value (token `JsonToken.START_ARRAY`)"),
                arguments("{\"user_id\": ", "Unexpected end-of-input within/between Object entries"));
    }

    @ParameterizedTest
    @MethodSource("rejected")
    void rejectsAMalformedEventWithItsReason(String json, String reason) {
        assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8)))
                .isExactlyInstanceOf(SerializationException.class).hasMessage(reason);
    }

    @Test
    void rejectsBinary() {
        assertThatThrownBy(() -> read(new byte[] {(byte) 0xff, 0x00, 0x7b}))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("Unrecognized token '\u00ff': " + VALUE_EXPECTED);
    }

    @Test
    void readsJsonNullAndANullValueAsNoEvent() {
        assertThat(read("null".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(read(null)).isNull();
    }
}
