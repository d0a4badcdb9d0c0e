package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/user-activity-kafka as a user runs it, on its first run after a build (the run that records the
 * class-data archive): a SIGTERM to the script must reach the JVM, which prints its summary and exits, leaving
 * no JVM and no temporary file behind.
 */
class LauncherIT {

    @TempDir
    Path build;

    @Test
    void sigtermOnTheFirstRunAfterABuildStopsTheJvmAndLeavesNothingBehind() throws Exception {
        Path jar = Files.copy(JarProcess.JAR, build.resolve("user-activity-kafka.jar")); // as if just built
        String topic = "launcher-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        Path err = build.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of("bash", "bin/user-activity-kafka", "consumer"));
        command.addAll(List.of(TestKafka.bootstrapArgs("--topic", topic, "--group", topic)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(build.resolve("stdout.txt").toFile()).redirectError(err.toFile());
        builder.environment().put("USER_ACTIVITY_JAR", jar.toString());
        Process script = builder.start();
        try {
            await("the consumer's partition assignment").atMost(Duration.ofSeconds(60))
                    .until(() -> read(err).contains("파티션 할당") || !script.isAlive());
            assertThat(script.isAlive()).as(read(err)).isTrue();

            script.destroy(); // SIGTERM to the script's pid, as kill -TERM or timeout sends it

            assertThat(script.waitFor(30, TimeUnit.SECONDS)).as("ended within 30 s").isTrue();
            assertThat(script.exitValue()).isEqualTo(143);
            assertThat(read(err)).as("the JVM got the signal and said goodbye").contains("컨슈머 종료 - 처리한 메시지: 0");
            assertThat(jvmsOf(jar)).as("JVMs still running the jar").isEmpty();
            try (Stream<Path> files = Files.list(build)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .as("the archive, and no temporary file").contains("user-activity-kafka.jsa")
                        .noneMatch(name -> name.endsWith(".tmp"));
            }
        } finally {
            jvmsOf(jar).forEach(ProcessHandle::destroyForcibly); // an orphan must not outlive the test
            script.destroyForcibly();
        }
    }

    private static List<ProcessHandle> jvmsOf(Path jar) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(jar.toString())).toList();
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
