package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.UserActivityConsumer;
import dev.kafkatutorial.useractivity.UserActivityProducer;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The page in a real browser (Debian's headless Chromium, see {@link Browser}) against the test broker, as a
 * learner watches it: the topic's log end offset climbs while the producer sends, and the group's lag falls while
 * the consumer reads, each seen at several values between the first and the last, never going backwards.
 */
class WebPageIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int EVENTS = 20;
    private static final String END = "#partitions tr[data-partition='0'] td[data-field='log_end_offset']";
    private static final String LAG = "#group-partitions tr[data-partition='0'] td[data-field='lag']";
    private static final String COMMITTED = "#group-partitions tr[data-partition='0'] td[data-field='committed_offset']";

    @Test
    void theEndOffsetClimbsWhileTheProducerSendsAndTheLagFallsWhileTheConsumerReads() throws Exception {
        TestKafka.bootstrapServers(); // the broker started first: the time below is the page's
        long started = System.nanoTime();
        String topic = "web-page-" + System.nanoTime();
        String group = topic + "-group";
        TestKafka.createTopic(topic, 1);
        try (WebRun web = WebRun.start(TestKafka.bootstrapArgs()); Browser browser = Browser.start()) {
            browser.open(web.url() + "?topic=" + topic + "&group=" + group);
            browser.untilText(LIMIT, END, "0");
            assertThat(browser.text("#title")).isEqualTo("카프카 실시간 보기"); // --lang's default, as the programs
            assertThat(browser.text("#status")).isEqualTo("브로커 연결됨");

            // The producer sends an event every 250 ms; the page asks once a second.
            CompletableFuture<Integer> producer = CompletableFuture.supplyAsync(() -> UserActivityProducer.run(
                    TestKafka.bootstrapArgs("--topic", topic, "--interval", "250ms", "--max-messages",
                            String.valueOf(EVENTS), "--quiet"), quiet(), quiet()));
            List<Long> ends = watch(browser, END, producer);
            assertThat(producer.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            browser.untilText(LIMIT, END, String.valueOf(EVENTS));
            assertThat(ends).as("log end offsets the page showed while the producer sent").isSorted();
            assertThat(ends.stream().filter(end -> end > 0 && end < EVENTS).distinct().count())
                    .as("values between 0 and %d in %s", EVENTS, ends).isGreaterThanOrEqualTo(2);

            // The consumer commits after each event (--manual-commit, one record a poll) and prints to a slow
            // terminal (a tenth of a second a line), so it reads for some seconds: lag 20, 19, ... 0.
            CompletableFuture<Integer> consumer = CompletableFuture.supplyAsync(() -> UserActivityConsumer.run(
                    TestKafka.bootstrapArgs("--topic", topic, "--group", group, "--manual-commit",
                            "--consumer-property", "max.poll.records=1", "--max-messages", String.valueOf(EVENTS)),
                    slowTerminal(), quiet()));
            List<Long> lags = watch(browser, LAG, consumer);
            assertThat(consumer.get(LIMIT.toSeconds(), TimeUnit.SECONDS)).isZero();
            browser.untilText(LIMIT, LAG, "0");
            assertThat(browser.text(COMMITTED)).isEqualTo(String.valueOf(EVENTS));
            assertThat(lags).as("lags the page showed while the consumer read").isSortedAccordingTo(
                    java.util.Comparator.reverseOrder());
            assertThat(lags.stream().filter(lag -> lag > 0 && lag < EVENTS).distinct().count())
                    .as("values between %d and 0 in %s", EVENTS, lags).isGreaterThanOrEqualTo(2);
            browser.untilContains(LIMIT, "#timeline", "멤버 떠남"); // the consumer's leaving, once it is done
            browser.screenshot(Path.of("target", "web-page.png"));
        }
        System.out.println("WEB browser test took " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms (page open, 20 events sent at 4/s, then read at about 3/s)");
    }

    /** The number the page shows in {@code css}, read every 100 ms until {@code running} is done. */
    private static List<Long> watch(Browser browser, String css, CompletableFuture<?> running) throws Exception {
        List<Long> seen = new ArrayList<>();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!running.isDone() && System.nanoTime() < deadline) {
            String text = browser.text(css);
            if (text != null && text.matches("\\d+")) {
                long value = Long.parseLong(text);
                if (seen.isEmpty() || seen.get(seen.size() - 1) != value) {
                    seen.add(value);
                }
            }
            Thread.sleep(100);
        }
        return seen;
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** A terminal that takes a tenth of a second for each line: the consumer's prints block, as on a slow one. */
    private static PrintStream slowTerminal() {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                pause(b == '\n' ? 1 : 0);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                int lines = 0;
                for (int i = off; i < off + len; i++) {
                    lines += b[i] == '\n' ? 1 : 0;
                }
                pause(lines);
            }

            private void pause(int lines) {
                try {
                    Thread.sleep(100L * lines);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, true, StandardCharsets.UTF_8);
    }
}
