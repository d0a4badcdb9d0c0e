package dev.kafkatutorial.useractivity;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The producer's value serializer: writes a {@link UserActivity} as the same bytes {@link JsonSerializer} writes
 * (Python's {@code json.dumps} layout), straight into one array sized to fit.
 *
 * <p>At {@code --interval 0} the sending thread spent about 40% of its time in Jackson (a generator, a buffer
 * recycler and a serializer lookup per event) for a record whose shape never changes; the program then also
 * starts without loading Jackson. An action that needs JSON escaping (a quote, a backslash, a control or
 * non-ASCII character; a producer's own actions never do) goes through Jackson, so the bytes are always
 * Jackson's. UserActivitySerializerTest holds the two to the same output.
 */
public final class UserActivitySerializer implements Serializer<UserActivity> {

    private static final byte[] USER_ID = ascii("{\"user_id\": ");
    private static final byte[] ACTION = ascii(", \"action\": \"");
    private static final byte[] TIMESTAMP = ascii("\", \"timestamp\": ");
    private static final byte[] AMOUNT = ascii(", \"amount\": ");

    /** Each known action's wire name, in ASCII. */
    private static final byte[][] ACTION_NAMES = java.util.Arrays.stream(Action.values())
            .map(a -> ascii(a.wireName())).toArray(byte[][]::new);

    private JsonSerializer<UserActivity> jackson; // built on first need: most runs never need it
    // Events carry the clock's milliseconds, so hundreds in a row share a timestamp: its text, made and encoded
    // once. One field for the pair: send() may be called from several threads, each sees a consistent one. NaN
    // to start with: no event has it (UserActivity refuses non-finite timestamps).
    private volatile Timestamp lastTimestamp = new Timestamp(Double.NaN, new byte[0]);

    private record Timestamp(double seconds, byte[] ascii) {
    }

    @Override
    public byte[] serialize(String topic, UserActivity event) {
        if (event == null) {
            return null;
        }
        String action = event.action();
        if (!plain(action) || event.userId() < 0 || (event.amount() != null && event.amount() < 0)) {
            return jackson().serialize(topic, event);
        }
        Timestamp last = lastTimestamp;
        if (Double.doubleToRawLongBits(last.seconds()) != Double.doubleToRawLongBits(event.timestamp())) {
            last = new Timestamp(event.timestamp(), ascii(UserActivity.pythonFloat(event.timestamp())));
            lastTimestamp = last;
        }
        Action known = Action.byWireName(action);
        byte[] actionName = known != null ? ACTION_NAMES[known.ordinal()] : ascii(action);
        Long amount = event.amount();
        int length = USER_ID.length + AsciiNumbers.digits(event.userId()) + ACTION.length + actionName.length
                + TIMESTAMP.length + last.ascii().length
                + (amount == null ? 0 : AMOUNT.length + AsciiNumbers.digits(amount)) + 1;
        byte[] out = new byte[length];
        int at = put(out, 0, USER_ID);
        at = AsciiNumbers.write(out, at, event.userId());
        at = put(out, at, ACTION);
        at = put(out, at, actionName);
        at = put(out, at, TIMESTAMP);
        at = put(out, at, last.ascii());
        if (amount != null) {
            at = put(out, at, AMOUNT);
            at = AsciiNumbers.write(out, at, amount);
        }
        out[at] = '}';
        return out;
    }

    private JsonSerializer<UserActivity> jackson() {
        if (jackson == null) {
            jackson = new JsonSerializer<>();
        }
        return jackson;
    }

    /** Printable ASCII that JSON takes as it is: no quote, no backslash. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static int put(byte[] out, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, out, at, bytes.length);
        return at + bytes.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
