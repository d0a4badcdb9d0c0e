package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The consumer jar writes into an output that fails: {@code > /dev/full}, or a pipe whose reader leaves early
 * ({@code | head}). It must notice, stop with one line and exit 1, promptly, and its group must have committed
 * exactly what it says it wrote: a commit past an unwritten line would skip that event for good.
 */
class ConsumerOutputFailsIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String LINE = "표준 출력에 쓸 수 없어 컨슈머를 종료합니다";
    private static final Pattern PROCESSED = Pattern.compile("처리한 메시지: (\\d+)");

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskStopsTheConsumerAndNothingIsCommitted() throws Exception {
        String topic = produce("full", 50);
        Path err = Files.createTempFile("consumer-err-", ".txt");
        Process consumer = consumer(topic, new File("/dev/full"), err, "--timeout-ms", "3000");

        int exit = awaitExit(consumer, err);

        String stderr = Files.readString(err);
        assertThat(exit).as(stderr).isEqualTo(1);
        assertThat(stderr).contains(LINE).doesNotContain("\tat ");
        assertThat(processed(stderr)).isZero();
        assertThat(committed(topic)).as("nothing was written, so nothing past the start is committed").isZero();
    }

    @Test
    void aReaderThatLeavesMidStreamStopsTheConsumerAndOnlyWhatWasWrittenIsCommitted() throws Exception {
        int events = 3_000; // ~450 KB of JSON lines: far more than a pipe (64 KiB) and the program's buffers hold
        String topic = produce("pipe", events);
        Path err = Files.createTempFile("consumer-err-", ".txt");
        Process consumer = consumer(topic, null, err, "--output", "json"); // no --timeout-ms: it must see the pipe

        List<String> seen = readLinesThenClose(consumer, 5);
        long start = System.nanoTime();
        int exit = awaitExit(consumer, err);
        Duration toExit = Duration.ofNanos(System.nanoTime() - start);

        String stderr = Files.readString(err);
        System.out.println("FIGURES reader left mid-stream: exit " + toExit.toMillis() + " ms after the pipe closed, "
                + "committed " + committed(topic) + " of " + events + ", read by the reader " + seen.size());
        assertThat(exit).as(stderr).isEqualTo(1);
        assertThat(stderr).contains(LINE).doesNotContain("\tat ");
        assertThat(committed(topic)).as("committed is what the consumer wrote").isEqualTo(processed(stderr))
                .isLessThan(events);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aReaderThatLeavesWhenNoMoreEventsComeStillStopsTheConsumer() throws Exception {
        String topic = produce("head", 3);
        Path err = Files.createTempFile("consumer-err-", ".txt");
        Process consumer = consumer(topic, null, err, "--output", "json");

        List<String> seen = readLinesThenClose(consumer, 3); // `| head -3`: the reader has all there is, and leaves
        int exit = awaitExit(consumer, err);

        String stderr = Files.readString(err);
        assertThat(seen).hasSize(3);
        assertThat(exit).as(stderr).isEqualTo(1);
        assertThat(stderr).contains(LINE).doesNotContain("\tat ");
        assertThat(processed(stderr)).isEqualTo(3);
        assertThat(committed(topic)).isEqualTo(3);
    }

    private static String produce(String name, int events) throws InterruptedException {
        String topic = "out-" + name + "-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        ProgramRun producer = ProgramRun.producer(TestKafka.bootstrapArgs("--topic", topic,
                "--interval", "0", "--max-messages", String.valueOf(events), "--quiet"));
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();
        return topic;
    }

    /** The consumer jar in group {@code topic}; its stdout to {@code out}, or a pipe to this test when null. */
    private static Process consumer(String topic, File out, Path err, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JarProcess.JAR.toString(),
                "consumer"));
        command.addAll(List.of(TestKafka.bootstrapArgs("--topic", topic, "--group", topic)));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
        if (out != null) {
            builder.redirectOutput(out);
        }
        return builder.start();
    }

    /** Reads {@code count} lines of the consumer's stdout (bounded: the process must write them), then closes it. */
    private static List<String> readLinesThenClose(Process consumer, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(consumer.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; lines.size() < count && (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the assertions on the lines read say enough
            }
        }, "head");
        reader.start();
        reader.join(LIMIT.toMillis());
        if (reader.isAlive()) {
            consumer.destroyForcibly();
            throw new AssertionError("the consumer wrote " + lines.size() + " of " + count + " lines within " + LIMIT);
        }
        return lines;
    }

    private static int awaitExit(Process process, Path err) throws Exception {
        // Seconds, not minutes: the time to start a JVM and join a group, then the failed write (or, with nothing
        // left to write, the next idle poll) ends it.
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after " + LIMIT + "\nstderr:\n" + Files.readString(err));
        }
        return process.exitValue();
    }

    private static long processed(String stderr) {
        Matcher m = PROCESSED.matcher(stderr);
        assertThat(m.find()).as("a summary in " + stderr).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The group's committed offset of partition 0 (the group is named after the topic), 0 when none. */
    private static long committed(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(topic).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }
}
