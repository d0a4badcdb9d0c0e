package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * One user-activity event, exactly as the tutorial's Python producer puts it on the wire:
 * {@code {"user_id": 123, "action": "login", "timestamp": 1646092800.123}}, plus {@code "amount": 500}
 * for a payment.
 *
 * <p>{@code action} stays a string rather than an {@link Action} so that an action this version does not
 * know (sent by a newer or foreign producer) still reads, and is still printed sensibly.
 *
 * @param userId    the user's id
 * @param action    the action's wire name, e.g. {@code "login"}; see {@link Action}
 * @param timestamp epoch seconds with a fraction, as Python's {@code time.time()} gives them
 * @param amount    won paid, for a payment; {@code null} (and absent from the JSON) otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // other producers may add fields; they must not break us
@JsonPropertyOrder({"user_id", "action", "timestamp", "amount"})
public record UserActivity(
        @JsonProperty(value = "user_id", required = true) long userId,
        @JsonProperty(value = "action", required = true) String action,
        @JsonProperty(value = "timestamp", required = true) @JsonSerialize(using = PlainSeconds.class)
        double timestamp,
        @JsonProperty("amount") Long amount) {

    public UserActivity {
        // Jackson's "required" rejects a missing field, but not an explicit JSON null.
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("action is missing");
        }
        // JSON has no Infinity or NaN, but Jackson reads 1e400 as Infinity: such an event could never be
        // written back as JSON (--output json), so it is malformed.
        if (!Double.isFinite(timestamp)) {
            throw new IllegalArgumentException("timestamp is not a finite number");
        }
    }

    /** An event of a known action; {@code amount} only for a payment. */
    public static UserActivity of(long userId, Action action, double timestamp, Long amount) {
        return new UserActivity(userId, action.wireName(), timestamp, amount);
    }

    /**
     * Seconds as Python writes a float: {@code 1646092800.123}, never Java's {@code 1.646092800123E9}, and
     * always with a decimal point ({@code 1646092800.0}), so the JSON on the wire reads like the tutorial's.
     */
    public static String pythonFloat(double value) {
        // Events carry the clock's milliseconds, so thousands in a row share a timestamp: remember the last one,
        // since BigDecimal's exact text for each is costly at --interval 0 (docs/benchmarks.md).
        LastFloat last = lastFloat;
        if (last != null && Double.doubleToRawLongBits(last.value) == Double.doubleToRawLongBits(value)) {
            return last.text;
        }
        String text = formatPythonFloat(value);
        lastFloat = new LastFloat(value, text);
        return text;
    }

    private record LastFloat(double value, String text) {
    }

    private static volatile LastFloat lastFloat;

    private static String formatPythonFloat(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e16 || (value != 0 && Math.abs(value) < 1e-4)) {
            return Double.toString(value); // Python too switches to exponents out there; no timestamp lives there
        }
        String plain = BigDecimal.valueOf(value).toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    static final class PlainSeconds extends StdSerializer<Double> {
        PlainSeconds() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(pythonFloat(value));
        }
    }
}
