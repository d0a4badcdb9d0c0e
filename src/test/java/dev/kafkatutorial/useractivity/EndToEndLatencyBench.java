package dev.kafkatutorial.useractivity;

import dev.kafkatutorial.useractivity.consumer.ConsumerOptions;
import dev.kafkatutorial.useractivity.producer.ProducerOptions;
import dev.kafkatutorial.useractivity.producer.ProducerSettings;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;

/**
 * bench/run.sh's end-to-end latency of the two programs: from the moment the producer makes an event (just
 * before its send()) to the moment the consumer prints its line, at {@code --interval 1ms} (1,000 events/s).
 * Both real programs run in this JVM, with their real options and configuration, so one {@link System#nanoTime()}
 * clock times both ends; Kafka's EndToEndLatency tool measures the same way. Not a test: it prints figures.
 *
 * <pre>java -cp ... dev.kafkatutorial.useractivity.EndToEndLatencyBench BOOTSTRAP TOPIC EVENTS [WARM_UP [HGRM_FILE]]</pre>
 *
 * Prints the latencies of all events, and with WARM_UP also those of the events after the first WARM_UP: the
 * first second or two run in the interpreter, and the sender cannot keep 1,000 events/s up until the JIT has
 * compiled the client, so those events queue. With HGRM_FILE it also writes the steady latencies (all of them
 * without WARM_UP) as HdrHistogram's percentile distribution, in milliseconds, for bench/latency.gp's picture.
 *
 * Each event's user id is its sequence number, which the consumer's line ("사용자 N가 ...") gives back; an event
 * counts as printed when the consumer writes its line to standard output (it does so once per batch).
 */
public final class EndToEndLatencyBench {

    private static final Pattern USER = Pattern.compile("사용자 (\\d+)가");

    private EndToEndLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        int events = Integer.parseInt(args[2]);
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 0; // events left out of the "steady" figures
        String distributionFile = args.length > 4 ? args[4] : null;
        long[] sentAt = new long[events];
        long[] latency = new long[events];
        AtomicInteger printed = new AtomicInteger();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);

        // The consumer's stdout: it writes each batch of lines at once (its flush), which is when they print.
        // Only whole lines are read; the rest waits for the next write.
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        PrintStream consumerOut = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8) {
            @Override
            public void write(byte[] buf, int off, int len) {
                long now = System.nanoTime();
                pending.write(buf, off, len);
                byte[] bytes = pending.toByteArray();
                int end = bytes.length;
                while (end > 0 && bytes[end - 1] != '\n') {
                    end--;
                }
                Matcher m = USER.matcher(new String(bytes, 0, end, StandardCharsets.UTF_8));
                while (m.find()) {
                    int id = Integer.parseInt(m.group(1));
                    latency[printed.getAndIncrement()] = now - sentAt[id];
                }
                pending.reset();
                pending.write(bytes, end, bytes.length - end);
            }
        };
        CountDownLatch assigned = new CountDownLatch(1);
        PrintStream consumerErr = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                if (line.contains("파티션 할당")) {
                    assigned.countDown();
                }
            }
        };

        ConsumerOptions consumerOptions = new ConsumerOptions();
        List<String> consumerArgs = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--topic", topic,
                "--group", "e2e-" + System.nanoTime(), "--max-messages", String.valueOf(events)));
        for (String property : System.getProperty("e2e.consumer.properties", "").split(",")) {
            if (!property.isBlank()) {
                consumerArgs.addAll(List.of("--property", property.trim()));
            }
        }
        new CommandLine(consumerOptions).parseArgs(consumerArgs.toArray(String[]::new));
        UserActivityConsumer consumer = UserActivityConsumer.create(consumerOptions, consumerOut, consumerErr);
        Thread consumerThread = new Thread(consumer::run, "consumer");
        consumerThread.start();
        if (!assigned.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the consumer got no partition within 60 s");
        }

        ProducerOptions producerOptions = new ProducerOptions();
        new CommandLine(producerOptions).parseArgs("--bootstrap-server", bootstrap, "--topic", topic,
                "--rate", "1000", "--max-messages", String.valueOf(events));
        int[] next = {0};
        Supplier<UserActivity> sequence = () -> {
            int id = next[0]++;
            UserActivity event = UserActivity.of(id, Action.LOGIN, System.currentTimeMillis() / 1000.0, null);
            sentAt[id] = System.nanoTime();
            return event;
        };
        new UserActivityProducer(new KafkaProducer<>(new ProducerSettings(producerOptions).config()), producerOptions,
                sequence, discard, discard).run();
        consumerThread.join(TimeUnit.SECONDS.toMillis(60));
        double seconds = (System.nanoTime() - sentAt[0]) / 1e9; // from the first event: the rate it was sent at

        int n = printed.get();
        if (System.getenv("E2E_DUMP") != null) {
            for (int i = 0; i < n; i += Math.max(1, n / 50)) {
                long worst = 0;
                for (int j = i; j < Math.min(n, i + Math.max(1, n / 50)); j++) {
                    worst = Math.max(worst, latency[j]);
                }
                System.err.printf("%d..: worst %.3f ms%n", i, worst / 1e6);
            }
        }
        System.out.printf("rate_per_s=%.0f%n", n / seconds);
        System.out.println("all " + figures(Arrays.copyOf(latency, n)));
        if (warmUp > 0 && n > warmUp) {
            System.out.println("steady " + figures(Arrays.copyOfRange(latency, warmUp, n)));
        }
        if (distributionFile != null) {
            writeDistribution(Arrays.copyOfRange(latency, warmUp > 0 && n > warmUp ? warmUp : 0, n),
                    distributionFile);
        }
        System.exit(n == events ? 0 : 1);
    }

    private static String figures(long[] latency) {
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return String.format("events=%d avg_ms=%.3f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f", n,
                Arrays.stream(sorted).average().orElse(0) / 1e6, pct(sorted, 0.50), pct(sorted, 0.99),
                pct(sorted, 0.999), n == 0 ? 0 : sorted[n - 1] / 1e6);
    }

    /**
     * HdrHistogram's percentile distribution ("Value Percentile TotalCount 1/(1-Percentile)", values in ms), the
     * format its own plotter reads; the last column is the x axis of a latency-by-percentile plot.
     */
    private static void writeDistribution(long[] latencyNanos, String file) throws java.io.IOException {
        Histogram histogram = new Histogram(TimeUnit.HOURS.toNanos(1), 3); // 3 significant digits, up to 1 h
        for (long nanos : latencyNanos) {
            histogram.recordValue(Math.max(0, nanos));
        }
        try (PrintStream out = new PrintStream(new FileOutputStream(file), false, StandardCharsets.UTF_8)) {
            histogram.outputPercentileDistribution(out, 5, 1e6); // 5 steps per halving of the tail; ns to ms
        }
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
