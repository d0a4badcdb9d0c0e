package dev.kafkatutorial.useractivity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Each event's headers: its id ({@code RUN-SEQUENCE}, e.g. {@code 3f2a9c1e-41}) first, then the user's
 * {@code --header}s. The id's bytes are written straight from the run's prefix and the sequence number, and the
 * headers are made at their final size: at {@code --interval 0} this runs several hundred thousand times a second.
 */
public final class EventIdHeader {

    /**
     * The record header that tells events apart: the producer run's id and the event's sequence number, as
     * {@code 3f2a9c1e-0}, {@code 3f2a9c1e-1}, ... Two events can be equal field for field; their ids never are,
     * so a reader can count what was lost or read twice. The JSON value stays the tutorial's.
     */
    public static final String NAME = "event-id";

    private final String name;
    private final String runId;
    private final byte[] prefix; // "RUN-"
    private final Header[] extra;

    /** A producer run's headers: {@code runId}'s ids, then each {@code --header KEY=VALUE} in UTF-8. */
    public static EventIdHeader forNewRun(String runId, List<Map.Entry<String, String>> headers) {
        return new EventIdHeader(NAME, runId, headers.stream()
                .map(h -> Map.entry(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8))).toList());
    }

    public EventIdHeader(String name, String runId, List<Map.Entry<String, byte[]>> extraHeaders) {
        this.name = name;
        this.runId = runId;
        this.prefix = (runId + "-").getBytes(StandardCharsets.US_ASCII);
        this.extra = extraHeaders.stream().map(h -> new RecordHeader(h.getKey(), h.getValue())).toArray(Header[]::new);
    }

    /** The id as text, for a line that names the event. */
    public String id(long sequence) {
        return runId + "-" + sequence;
    }

    /** The headers of event number {@code sequence} (from 0). */
    public RecordHeaders headers(long sequence) {
        Header[] headers = new Header[1 + extra.length];
        headers[0] = new RecordHeader(name, idBytes(sequence));
        System.arraycopy(extra, 0, headers, 1, extra.length);
        return new RecordHeaders(headers);
    }

    byte[] idBytes(long sequence) {
        byte[] id = new byte[prefix.length + AsciiNumbers.digits(sequence)];
        System.arraycopy(prefix, 0, id, 0, prefix.length);
        AsciiNumbers.write(id, prefix.length, sequence);
        return id;
    }
}
