package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.AsciiNumbers;
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

    private final String name;
    private final String runId;
    private final byte[] prefix; // "RUN-"
    private final Header[] extra;

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
