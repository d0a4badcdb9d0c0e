package dev.kafkatutorial.useractivity.producer;

import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.UserActivity;
import dev.kafkatutorial.useractivity.cli.Cli;
import java.io.PrintStream;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * What each event prints: the tutorial's two lines ({@code 메시지 전송: ...} before the send,
 * {@code 메시지 전송 성공 - ...} from the callback), or with {@code --output json} one JSON line once it completed,
 * or with {@code --quiet} nothing (Progress prints a line a second instead). {@code --explain} adds why each
 * event went to its partition after its line: on stdout beside the tutorial's lines, on stderr with
 * {@code --output json}, whose stdout holds JSON lines only. A failure is always said on stderr.
 */
public final class SendOutput {

    private final ProducerLines lines;
    private final EventIdHeader ids;
    private final Explain explain; // --explain; else null (ProducerOptions refuses it with --quiet)
    private final PrintStream explained; // where --explain's lines go: stdout, or stderr beside JSON
    private final boolean quiet;
    private final boolean json;
    private final PrintStream out;
    private final PrintStream err;

    public SendOutput(ProducerOptions options, ProducerLines lines, EventIdHeader ids, Explain explain,
                      PrintStream out, PrintStream err) {
        this.lines = lines;
        this.ids = ids;
        this.quiet = options.quiet();
        this.json = options.output() == ProducerOptions.Output.json;
        this.explain = options.explain() && !quiet ? explain : null;
        this.out = out;
        this.err = err;
        this.explained = json ? err : out;
    }

    /** At the start, with --explain: what acks=all means on this topic. */
    public void started(ProducerSettings settings, String topic) {
        if (explain != null) {
            explained.println(explain.acks(settings.admin(), topic));
        }
    }

    /**
     * Before the send: {@code 메시지 전송: {'user_id': 123, ...}}, Python's print of the event. False when stdout
     * failed (see {@link #written()}).
     */
    public boolean sending(UserActivity event) {
        if (explain != null) {
            explain.beforeSend();
        }
        if (!quiet && !json) {
            out.println(lines.sending(event));
            return written();
        }
        return true;
    }

    /**
     * From the callback (under transactions, once the transaction ended): where the event landed, and with
     * --output json whether its transaction committed. False when stdout failed.
     */
    public boolean acknowledged(long sequence, String key, RecordMetadata metadata, Transactions.Outcome transaction) {
        if (quiet) {
            return true;
        }
        out.println(json ? SendReport.acknowledged(ids.id(sequence), metadata, transaction)
                : lines.sent(metadata.topic(), metadata.partition(), metadata.offset(), key));
        if (explain != null) {
            explained.println(explain.partition(key, metadata));
        }
        return written();
    }

    /** From the callback: why the event was not delivered. */
    public void failed(long sequence, String topic, Exception error) {
        err.println(lines.sendFailed(Cli.oneLine(error)));
        if (json && !quiet) {
            out.println(SendReport.failed(ids.id(sequence), topic, Cli.oneLine(error)));
        }
    }

    /**
     * A PrintStream never throws: a reader that went away ({@code | head}) or a full disk only sets its error
     * flag. Asked only after a line, since checkError() flushes.
     */
    private boolean written() {
        return !out.checkError();
    }
}
