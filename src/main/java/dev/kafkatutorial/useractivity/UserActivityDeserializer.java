package dev.kafkatutorial.useractivity;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The consumer's value deserializer: reads the JSON layout every producer of this tutorial writes (Python's
 * {@code json.dumps} and {@link UserActivitySerializer}: {@code {"user_id": 1, "action": "login", "timestamp":
 * 1646092800.123}} with an optional {@code "amount"} last) straight from the bytes, and hands any other value,
 * well-formed or not, to {@link JsonDeserializer}, which decides and words every error exactly as before.
 *
 * <p>Jackson took about a third of the consumer's CPU when rendering a topic to a file: a parser, a symbol
 * lookup per field name and a creator call per event, for a record whose shape never changes. Both paths give
 * the same event for the same bytes; UserActivityDeserializerTest holds them to it.
 */
public final class UserActivityDeserializer implements Deserializer<UserActivity> {

    private static final byte[] USER_ID = ascii("{\"user_id\": ");
    private static final byte[] ACTION = ascii(", \"action\": \"");
    private static final byte[] TIMESTAMP = ascii("\", \"timestamp\": ");
    private static final byte[] AMOUNT = ascii(", \"amount\": ");
    /** Up to 10^22 a power of ten is an exact double, and so is any integer below 2^53. */
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long EXACT_LIMIT = 1L << 53;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private JsonDeserializer<UserActivity> jackson; // built on the first value the fast path does not take

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // the type is fixed: nothing to configure
    }

    @Override
    public UserActivity deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // a null value (tombstone) is not JSON; the caller decides what it means
        }
        UserActivity event = new Reader(data).event();
        return event != null ? event : jackson().deserialize(topic, data);
    }

    private JsonDeserializer<UserActivity> jackson() {
        if (jackson == null) {
            jackson = new JsonDeserializer<>(UserActivity.class);
        }
        return jackson;
    }

    /** One pass over one value; every method returns a "no match" (null or -1) at the first surprise. */
    private static final class Reader {
        private final byte[] data;
        private int at;
        private int fractionDigits; // of the last number read

        Reader(byte[] data) {
            this.data = data;
        }

        UserActivity event() {
            if (!expect(USER_ID)) {
                return null;
            }
            long userId = digits(false);
            if (userId < 0 || !expect(ACTION)) {
                return null;
            }
            int actionStart = at;
            boolean blank = true;
            while (at < data.length && data[at] != '"') {
                byte b = data[at++];
                if (b < 0x20 || b > 0x7e || b == '\\') {
                    return null; // escapes and non-ASCII: Jackson's business
                }
                blank &= b == ' ';
            }
            if (blank) {
                return null; // UserActivity refuses it; Jackson words the error
            }
            String action = new String(data, actionStart, at - actionStart, StandardCharsets.ISO_8859_1);
            if (!expect(TIMESTAMP)) {
                return null;
            }
            long mantissa = digits(true);
            if (mantissa < 0 || mantissa >= EXACT_LIMIT || fractionDigits >= POWERS_OF_TEN.length) {
                return null; // beyond the exact fast path: Double.parseDouble would be needed
            }
            // an exact integer divided by an exact power of ten: the correctly rounded double, as parseDouble
            double timestamp = mantissa / POWERS_OF_TEN[fractionDigits];
            Long amount = null;
            if (at < data.length && data[at] == ',') {
                if (!expect(AMOUNT)) {
                    return null;
                }
                long value = digits(false);
                if (value < 0) {
                    return null;
                }
                amount = value;
            }
            if (at != data.length - 1 || data[at] != '}') {
                return null;
            }
            Action known = Action.byWireName(action);
            return new UserActivity(userId, known != null ? known.wireName() : action, timestamp, amount);
        }

        private boolean expect(byte[] literal) {
            if (data.length - at < literal.length) {
                return false;
            }
            for (int i = 0; i < literal.length; i++) {
                if (data[at + i] != literal[i]) {
                    return false;
                }
            }
            at += literal.length;
            return true;
        }

        /**
         * A JSON number without sign or exponent, at most 18 digits in all: its digits as a long, the digits after
         * the point in {@link #fractionDigits} (a fraction only if {@code fraction}); -1 if it is not one.
         */
        private long digits(boolean fraction) {
            long value = 0;
            int count = 0;
            int start = at;
            fractionDigits = 0;
            boolean point = false;
            while (at < data.length) {
                byte b = data[at];
                if (b >= '0' && b <= '9') {
                    if (++count > 18) {
                        return -1;
                    }
                    value = value * 10 + (b - '0');
                    if (point) {
                        fractionDigits++;
                    }
                } else if (b == '.' && fraction && !point && count > 0) {
                    point = true;
                } else {
                    break;
                }
                at++;
            }
            boolean leadingZero = data.length - start > 1 && data[start] == '0' && data[start + 1] >= '0'
                    && data[start + 1] <= '9';
            if (count == 0 || leadingZero || (point && fractionDigits == 0)) {
                return -1;
            }
            return value;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
