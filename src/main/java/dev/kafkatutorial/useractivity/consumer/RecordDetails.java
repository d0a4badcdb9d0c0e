package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.cli.Lines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * {@code --print timestamp,headers,key}: what Kafka carries beside the value, one extra line each, put right
 * after the tutorial's banner line. Without {@code --print} nothing is added, so the default output stays the
 * tutorial's.
 */
public final class RecordDetails {

    /** What --print may show. */
    public enum Field { timestamp, headers, key, lag }

    private final List<Field> fields;
    private final ConsumerLines lines;

    public RecordDetails(List<Field> fields, ConsumerLines lines) {
        this.fields = fields;
        this.lines = lines;
    }

    /** {@code printed} (banner line, sentence) with the detail lines after its first line. */
    public String around(String printed, ConsumerRecord<?, ?> record) {
        return around(printed, record, null);
    }

    /** As above; {@code lag} is the record's lag for {@code --print lag} (see {@link Lag}), null if unknown. */
    public String around(String printed, ConsumerRecord<?, ?> record, Long lag) {
        if (fields.isEmpty()) {
            return printed;
        }
        StringBuilder details = new StringBuilder();
        for (Field field : fields) {
            details.append(switch (field) {
                // The record's timestamp: the producer's send time (CreateTime) or the broker's (LogAppendTime).
                case timestamp -> lines.recordTimestamp(record.timestamp(), record.timestampType().toString());
                case headers -> lines.recordHeaders(headers(record));
                case key -> lines.recordKey(String.valueOf(record.key()));
                case lag -> lines.recordLag(lag);
            }).append('\n');
        }
        int firstLine = printed.indexOf('\n') + 1;
        return printed.substring(0, firstLine) + details + printed.substring(firstLine);
    }

    private static String headers(ConsumerRecord<?, ?> record) {
        StringJoiner all = new StringJoiner(", ");
        for (Header header : record.headers()) {
            all.add(header.key() + "=" + (header.value() == null ? "null"
                    : Lines.escape(new String(header.value(), StandardCharsets.UTF_8))));
        }
        return all.toString();
    }
}
