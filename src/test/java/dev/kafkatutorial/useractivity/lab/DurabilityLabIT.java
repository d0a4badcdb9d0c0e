package dev.kafkatutorial.useractivity.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * {@code lab durability} end to end, from the jar as a user runs it, at a small size: its own controller and three
 * brokers as processes, both fault sequences (acks=all, min.insync.replicas=2, unclean election off and on), the
 * JSON rows; the safe row (unclean off) loses and duplicates nothing, the other is only reported. Ctrl+C mid-way
 * leaves no broker process and no data behind.
 */
class DurabilityLabIT {

    private static final Path JAR = Path.of("target", "user-activity-kafka.jar");
    private static final Pattern DATA_DIR = Pattern.compile("data in (\\S+user-activity-lab-\\d+-\\d+)");

    @Test
    void theSafeRowLosesNothingAndEverythingIsRemovedAtTheEnd() throws Exception {
        Lab lab = Lab.start("--events", "200", "--acks", "all", "--min-insync-replicas", "2", "--output", "json",
                "--lang", "en");
        assertThat(lab.process.waitFor(6, TimeUnit.MINUTES)).as(lab.err()).isTrue();

        assertThat(lab.process.exitValue()).as(lab.err()).isZero();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : lab.out().lines().toList()) {
            rows.add(new ObjectMapper().readTree(line));
        }
        System.out.println("lab durability, acks=all, min.insync.replicas=2:\n" + lab.out() + lab.err());
        assertThat(rows).extracting(row -> row.get("unclean_leader_election").asBoolean()).containsExactly(false, true);
        JsonNode safe = rows.get(0);
        assertThat(safe.get("acks").asText()).isEqualTo("all");
        assertThat(safe.get("min_insync_replicas").asInt()).isEqualTo(2);
        assertThat(safe.get("lost").asLong()).as(safe.toString()).isZero();
        assertThat(safe.get("duplicated").asLong()).as(safe.toString()).isZero();
        assertThat(safe.get("acked").asLong() + safe.get("failed").asLong()).as(safe.toString()).isEqualTo(200);
        assertThat(safe.get("acked").asLong()).as(safe.toString()).isPositive();
        for (JsonNode row : rows) {
            assertThat(row.fieldNames()).toIterable().containsExactly("acks", "min_insync_replicas",
                    "unclean_leader_election", "acked", "failed", "lost", "duplicated");
        }
        assertThat(lab.err()).contains("Three brokers ready", "killed with kill -9", "[2/2]");
        lab.assertNothingLeft();
    }

    @Test
    void ctrlCKillsTheBrokersAndDeletesTheirData() throws Exception {
        Lab lab = Lab.start("--lang", "en");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!lab.err().contains("Starting a controller") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(3000); // the controller's process, at least, is running now
        assertThat(lab.nodes()).as(lab.err()).isNotEmpty();

        new ProcessBuilder("kill", "-INT", String.valueOf(lab.process.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertThat(lab.process.waitFor(60, TimeUnit.SECONDS)).as(lab.err()).isTrue();
        assertThat(lab.err()).contains("Lab stopped: brokers killed, their data removed");
        lab.assertNothingLeft();
    }

    /** The lab as a process of its own, its output in files (a full pipe could block it). */
    private record Lab(Process process, Path outFile, Path errFile) {

        static Lab start(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(),
                    "lab", "durability"));
            command.addAll(List.of(args));
            Path out = Files.createTempFile("lab-out-", ".txt");
            Path err = Files.createTempFile("lab-err-", ".txt");
            return new Lab(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start(),
                    out, err);
        }

        String out() throws IOException {
            return new String(Files.readAllBytes(outFile), StandardCharsets.UTF_8);
        }

        String err() {
            try {
                return new String(Files.readAllBytes(errFile), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        }

        Path dataDir() {
            Matcher matcher = DATA_DIR.matcher(err());
            assertThat(matcher.find()).as(err()).isTrue();
            return Path.of(matcher.group(1));
        }

        /** The broker processes of this lab (their command line names its data directory). */
        List<ProcessHandle> nodes() {
            String dir = dataDir().toString();
            return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(dir)).toList();
        }

        void assertNothingLeft() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!nodes().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(nodes()).as("broker processes left behind").isEmpty();
            assertThat(dataDir()).as("the lab's data directory").doesNotExist();
        }
    }
}
