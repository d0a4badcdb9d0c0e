package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import dev.kafkatutorial.useractivity.producer.ProducerLines;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The producer's standard output fails (issue 13, item 10): a reader that closes early, as
 * {@code producer --interval 100ms | head -4}, or a full disk ({@code > /dev/full}). The producer notices,
 * stops as on Ctrl+C (in-flight events settled, summary on stderr), says so in one line, and exits 1.
 */
class ProducerStdoutIT {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final Pattern SUMMARY = Pattern.compile("프로듀서 종료 - 전송: (\\d+), 성공: (\\d+), 실패: (\\d+)");
    private static final String STDOUT_FAILED = new ProducerLines(Language.ko).stdoutFailed();

    @Test
    void aReaderThatClosesEarlyStopsTheProducer() throws Exception {
        Path err = Files.createTempFile("producer-err-", ".txt");
        Process producer = start(ProcessBuilder.Redirect.PIPE, err);
        List<String> read = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(producer.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && read.size() < 4; line = lines.readLine()) {
                read.add(line); // as head -4: four lines, then the pipe is closed
            }
        }
        long closed = System.nanoTime();
        String stderr = awaitExit(producer, err);
        System.out.println("FIGURES producer | head -4: exit " + producer.exitValue() + " "
                + Duration.ofNanos(System.nanoTime() - closed).toMillis() + " ms after the reader closed; "
                + stderr.lines().filter(l -> l.startsWith("프로듀서 종료")).findFirst().orElse("no summary"));

        assertThat(read).hasSize(4);
        assertStoppedCleanly(producer, stderr);
    }

    @Test
    void aFullDiskStopsTheProducer() throws Exception {
        assumeTrue(new File("/dev/full").exists(), "no /dev/full on this system");
        Path err = Files.createTempFile("producer-err-", ".txt");
        Process producer = start(ProcessBuilder.Redirect.to(new File("/dev/full")), err);
        String stderr = awaitExit(producer, err);
        System.out.println("FIGURES producer > /dev/full: exit " + producer.exitValue() + "; "
                + stderr.lines().filter(l -> l.startsWith("프로듀서 종료")).findFirst().orElse("no summary"));

        assertStoppedCleanly(producer, stderr);
    }

    private static Process start(ProcessBuilder.Redirect stdout, Path err) throws Exception {
        String topic = "stdout-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JarProcess.JAR.toString(), "producer"));
        command.addAll(List.of(TestKafka.bootstrapArgs("--topic", topic, "--interval", "100ms")));
        return new ProcessBuilder(command)
                .redirectOutput(stdout).redirectError(err.toFile()).start();
    }

    private static String awaitExit(Process producer, Path err) throws Exception {
        if (!producer.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            producer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the producer went on after its stdout failed (" + LIMIT + ")\nstderr:\n"
                    + Files.readString(err));
        }
        return Files.readString(err);
    }

    private static void assertStoppedCleanly(Process producer, String stderr) {
        assertThat(producer.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr.lines().filter(STDOUT_FAILED::equals)).as("one line says why").hasSize(1);
        Matcher summary = SUMMARY.matcher(stderr);
        assertThat(summary.find()).as("the summary on stderr:\n" + stderr).isTrue();
        long sent = Long.parseLong(summary.group(1));
        long acknowledged = Long.parseLong(summary.group(2));
        long failed = Long.parseLong(summary.group(3));
        assertThat(sent).isPositive();
        assertThat(acknowledged + failed).isEqualTo(sent);
        assertThat(stderr.lines().filter(l -> l.startsWith("메시지 전송 실패 - ")).count()).isEqualTo(failed);
        assertThat(stderr).doesNotContain("\tat ", "Exception");
    }
}
