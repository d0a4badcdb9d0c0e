package dev.kafkatutorial.useractivity.consumer;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kafkatutorial.useractivity.JsonMapperHolder;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.cli.Lines;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How one event is printed: the tutorial's banner and sentence (with {@code --include} the banner names the
 * topic), with {@code --print}'s detail lines after the banner, or with {@code --output json} one JSON object.
 * The tutorial's plain lines, the usual case, are written straight as bytes ({@link ReceivedLines}).
 */
public final class RecordPrinter {

    private static final int EXCERPT_CHARS = 60;

    private final ConsumerOptions options;
    private final ConsumerLines lines;
    private final boolean json;
    private final RecordDetails details; // --print
    private final Lag lag;
    private final boolean printsLag; // each event's lag is printed (JSON, --print lag); else only the total is
    private final ReceivedLines plainLines; // the tutorial's lines and nothing else; else null
    private final ShareGroupLines shareLines; // --share-group: the banner shows each record's delivery count

    /** {@code lag} null: no lag is known per record (a share group's member has none). */
    public RecordPrinter(ConsumerOptions options, ConsumerLines lines, Lag lag) {
        this.options = options;
        this.lines = lines;
        this.json = options.output() == ConsumerOptions.Output.json;
        this.details = new RecordDetails(options.print(), lines);
        this.lag = lag;
        this.printsLag = lag != null && (json || options.print().contains(RecordDetails.Field.lag));
        this.shareLines = options.shareGroup() == null ? null : new ShareGroupLines(options.client().language());
        this.plainLines = !json && options.include() == null && options.print().isEmpty() && shareLines == null
                ? new ReceivedLines(lines) : null;
    }

    /** Appends the event's lines to {@code output}. */
    public void print(ConsumerRecord<String, UserActivity> record, LineOutput output) {
        if (plainLines != null && plainLines.write(output, record.partition(), record.offset(), record.value())) {
            return;
        }
        Long recordLag = printsLag ? lag.after(record) : null;
        output.write(json ? JsonLine.of(record, Json.WRITER, recordLag)
                : details.around(banner(record), record, recordLag));
    }

    /** The tutorial's banner and sentence; with --include the banner names the topic. */
    private String banner(ConsumerRecord<String, UserActivity> record) {
        if (shareLines != null && record.deliveryCount().isPresent()) {
            return shareLines.received(record.partition(), record.offset(), record.deliveryCount().get(), record.value());
        }
        return options.include() == null ? lines.received(record.partition(), record.offset(), record.value())
                : lines.received(record.topic(), record.partition(), record.offset(), record.value());
    }

    /** The start of a raw value as an escaped, quoted string: enough to recognise it, safe for any terminal. */
    public static String excerpt(ByteBuffer value) {
        if (value == null) {
            return "null";
        }
        ByteBuffer bytes = value.duplicate();
        int size = bytes.remaining();
        CharBuffer text = CharBuffer.allocate(EXCERPT_CHARS + 1);
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(bytes, text, true); // stops when the buffer is full: a 1 MB value costs no more than a short one
        text.flip();
        boolean cut = text.length() > EXCERPT_CHARS;
        String shown = text.subSequence(0, Math.min(text.length(), EXCERPT_CHARS)).toString();
        return "\"" + Lines.escape(shown).replace("\"", "\\\"") + "\"" + (cut ? "… (" + size + " bytes)" : "");
    }

    /** The serde's mapper, built on first use (text output never needs it). */
    private static final class Json {
        static final ObjectWriter WRITER = JsonMapperHolder.MAPPER.writer();
    }
}
