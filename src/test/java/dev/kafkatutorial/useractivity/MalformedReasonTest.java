package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkatutorial.useractivity.cli.Cli;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reason a malformed record's skip line gives, as the consumer makes it ({@code Cli.oneLine} of the
 * deserializer's exception): said once, without Jackson's source-location noise.
 */
class MalformedReasonTest {

    private final JsonDeserializer<UserActivity> deserializer = new JsonDeserializer<>(UserActivity.class);

    private String reason(String value) {
        try {
            deserializer.deserialize("t", value.getBytes(StandardCharsets.UTF_8));
        } catch (SerializationException e) {
            return Cli.oneLine(e);
        }
        throw new AssertionError("accepted: " + value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                          | Unrecognized token 'not'",
        "{\"user_id\": 1, \"action\": \"login\"                | end-of-input",
        "{\"user_id\": \"abc\", \"action\": \"login\", \"timestamp\": 1.0} | user_id",
        "{\"user_id\": 1, \"action\": \"login\"}               | timestamp",
        "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": 1.0} {} | Trailing token",
    })
    void theReasonIsSaidOnceWithoutSourceNoise(String value, String names) {
        String reason = reason(value);
        assertThat(reason).contains(names).doesNotContain("[Source", "REDACTED", "line: 1", "\n");
        String first = reason.substring(0, Math.min(reason.length(), 25));
        assertThat(reason.indexOf(first, 1)).as("said once: " + reason).isNegative();
    }

    /** Jackson reads 1e400 as Infinity, which no JSON can hold: the event is malformed, not written as Infinity. */
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400"})
    void aTimestampOutOfDoubleRangeIsMalformed(String timestamp) {
        String value = "{\"user_id\": 1, \"action\": \"login\", \"timestamp\": " + timestamp + "}";
        assertThatThrownBy(() -> deserializer.deserialize("t", value.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
        assertThat(reason(value)).isEqualTo("timestamp is not a finite number");
    }
}
