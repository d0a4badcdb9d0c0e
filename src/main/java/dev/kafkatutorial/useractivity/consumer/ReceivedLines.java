package dev.kafkatutorial.useractivity.consumer;

import dev.kafkatutorial.useractivity.Action;
import dev.kafkatutorial.useractivity.UserActivity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The tutorial's lines for one event (banner, sentence, blank line), written as UTF-8 bytes without building
 * a string: the default output of the consumer, when it renders a whole topic, is mostly this.
 *
 * <p>The text still comes from {@link ConsumerLines} alone: for each known action it renders the lines once, with
 * marker numbers in place of the partition, offset, user id and amount, and keeps the encoded pieces between
 * them. An event it has no template for (an unknown action, a negative number) is left to the caller, which
 * prints {@link ConsumerLines#received} as before. Why by hand: building and encoding those strings per event was
 * the reading thread's largest cost (docs/benchmarks.md), and no library renders a template to bytes.
 */
public final class ReceivedLines {

    // Markers: numbers no template text contains, in the order the lines name them.
    private static final int PARTITION = 1_357_924_680;
    private static final long OFFSET = 8_642_097_531L;
    private static final long USER = 7_531_902_468L;
    private static final long AMOUNT = 9_182_736_450L;
    private static final String[] MARKERS = {String.valueOf(PARTITION), String.valueOf(OFFSET), String.valueOf(USER),
        String.valueOf(AMOUNT)};
    private static final String MARKER_NAMES = "poua";

    private final Template[] withoutAmount = new Template[Action.values().length];
    private final Template[] withAmount = new Template[Action.values().length];

    /** The pieces of one action's lines between the numbers, and which number follows each piece. */
    private record Template(byte[][] pieces, char[] numbers) {
    }

    public ReceivedLines(ConsumerLines lines) {
        for (Action action : Action.values()) {
            withoutAmount[action.ordinal()] = template(lines, action, null);
            withAmount[action.ordinal()] = template(lines, action, AMOUNT);
        }
    }

    /** Appends the event's lines (and the blank line after them); false, with nothing appended, if it cannot. */
    public boolean write(LineOutput output, int partition, long offset, UserActivity event) {
        Action action = Action.byWireName(event.action());
        Long amount = event.amount();
        if (action == null || partition < 0 || offset < 0 || event.userId() < 0 || (amount != null && amount < 0)) {
            return false;
        }
        Template template = (amount == null ? withoutAmount : withAmount)[action.ordinal()];
        if (template == null) {
            return false;
        }
        byte[][] pieces = template.pieces();
        char[] numbers = template.numbers();
        for (int i = 0; i < numbers.length; i++) {
            output.append(pieces[i]);
            output.appendDigits(switch (numbers[i]) {
                case 'p' -> partition;
                case 'o' -> offset;
                case 'u' -> event.userId();
                default -> amount;
            });
        }
        output.append(pieces[numbers.length]);
        return true;
    }

    /** The lines of {@code action} cut at the markers, or null when they do not hold each marker once. */
    private static Template template(ConsumerLines consumerLines, Action action, Long amount) {
        String lines = consumerLines.received(PARTITION, OFFSET, UserActivity.of(USER, action, 0.0, amount)) + "\n";
        List<byte[]> pieces = new ArrayList<>();
        StringBuilder numbers = new StringBuilder();
        int from = 0;
        while (true) {
            int next = -1;
            char which = 0;
            String marker = null;
            for (int m = 0; m < MARKERS.length; m++) {
                int at = lines.indexOf(MARKERS[m], from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    which = MARKER_NAMES.charAt(m);
                    marker = MARKERS[m];
                }
            }
            if (next < 0) {
                break;
            }
            pieces.add(lines.substring(from, next).getBytes(StandardCharsets.UTF_8));
            numbers.append(which);
            from = next + marker.length();
        }
        pieces.add(lines.substring(from).getBytes(StandardCharsets.UTF_8));
        String expected = amount == null ? "pou" : "poua";
        if (numbers.length() != expected.length()
                || !expected.chars().allMatch(c -> numbers.indexOf(String.valueOf((char) c)) >= 0)) {
            return null; // a marker missing or repeated (a sentence without the amount, say): no template
        }
        return new Template(pieces.toArray(byte[][]::new), numbers.toString().toCharArray());
    }
}
