package dev.kafkatutorial.useractivity;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exactly-once tests' counting: a topic's {@code event-id}s as a {@code read_committed} or a
 * {@code read_uncommitted} reader sees them, and the events a processor or producer says it has committed.
 */
final class TransactionalReads {

    private static final Pattern COMMITTED = Pattern.compile("^트랜잭션 커밋 - 이벤트 (\\d+)개", Pattern.MULTILINE);

    private TransactionalReads() {
    }

    /**
     * Waits until a read_committed reader of {@code topic} sees {@code count} distinct ids, or {@code limit} has
     * passed: returns either way, so that the test's assertions, not a timeout, say what is missing.
     */
    static void awaitCommitted(String bootstrapServers, String topic, int count, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline
                && new HashSet<>(EventIds.inTopic(bootstrapServers, topic, "read_committed", limit)).size() < count) {
            Thread.sleep(500);
        }
    }

    /** The ids that occur more than once, each once. */
    static Set<String> repeated(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new TreeSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        return repeated;
    }

    /** The events in the {@code 트랜잭션 커밋 - 이벤트 N개} lines of a producer's or processor's output. */
    static long committedEvents(String out) {
        long events = 0;
        Matcher m = COMMITTED.matcher(out);
        while (m.find()) {
            events += Long.parseLong(m.group(1));
        }
        return events;
    }
}
