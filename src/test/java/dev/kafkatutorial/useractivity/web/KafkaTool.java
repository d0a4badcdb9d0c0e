package dev.kafkatutorial.useractivity.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of Kafka's own command-line tools ({@code kafka-topics}, {@code kafka-consumer-groups}, {@code kafka-get-offsets}),
 * as {@code ./kafka.sh} runs it: its main class, in a JVM of its own on this test's classpath (the tools call
 * {@code System.exit} and print to {@code System.out}). Returns what it printed on stdout.
 */
final class KafkaTool {

    static final String TOPICS = "org.apache.kafka.tools.TopicCommand";
    static final String CONSUMER_GROUPS = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
    static final String GET_OFFSETS = "org.apache.kafka.tools.GetOffsetShell";
    static final String SHARE_GROUPS = "org.apache.kafka.tools.consumer.group.ShareGroupCommand";

    private KafkaTool() {
    }

    static String run(String mainClass, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kafka-tool-", ".out");
        Path err = Files.createTempFile("kafka-tool-", ".err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(mainClass + " still running after 90 s");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(mainClass + " exited " + process.exitValue() + "\n" + stdout
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return stdout;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
