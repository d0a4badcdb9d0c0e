package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fault scenario ends with, counted by event id, never by subtraction: lost = ids the producer reported
 * acknowledged ({@code producer --output json}) that no consumer read; duplicated = ids read more than once.
 * Each scenario is printed as one {@code FIGURES {json}} line and kept in {@code target/figures/}, from which
 * {@code .ci/figures-table.py} writes (or checks) the table in {@code docs/guarantees.md} ("What is guaranteed").
 */
record Figures(String scenario, String detail, long produced, long acknowledged, long failed, long consumed,
               long distinct, long lost, long duplicated) {

    static final Path DIRECTORY = Path.of("target", "figures");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SUMMARY = Pattern.compile("전송: (\\d+), 성공: (\\d+), 실패: (\\d+)");

    /** The producer's {@code --output json} lines, as the ids it reported acknowledged and failed. */
    record Sends(Set<String> acknowledged, Set<String> failed) {

        static Sends of(String producerOut) {
            Set<String> acknowledged = new HashSet<>();
            Set<String> failed = new HashSet<>();
            for (String line : producerOut.lines().toList()) {
                JsonNode report = json(line);
                String id = report.get("event_id").asText();
                switch (report.get("status").asText()) {
                    case "acknowledged" -> acknowledged.add(id);
                    case "failed" -> failed.add(id);
                    default -> throw new AssertionError("unknown status in " + line);
                }
            }
            return new Sends(acknowledged, failed);
        }
    }

    /** Counts the ids read against the ids the producer reported; prints and keeps the figures. */
    static Figures count(String scenario, String detail, long produced, Sends sends, Collection<String> idsRead) {
        // The same counting as consumer --audit: one implementation of "lost" and "duplicated".
        AuditTally tally = AuditTally.of(idsRead);
        return record(new Figures(scenario, detail, produced, sends.acknowledged().size(), sends.failed().size(),
                idsRead.size(), tally.distinct(), tally.lost(sends.acknowledged()), tally.idsReadMoreThanOnce()));
    }

    /** Prints the figures as one {@code FIGURES {json}} line and writes them to {@code target/figures/}. */
    static Figures record(Figures figures) {
        String line = MAPPER.valueToTree(figures).toString();
        System.out.println("FIGURES " + line);
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(DIRECTORY.resolve(figures.scenario().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + ".json"),
                    line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return figures;
    }

    /** The producer's summary line, {@code 프로듀서 종료 - 전송: S, 성공: A, 실패: F}, as {S, A, F}. */
    static long[] producerSummary(String err) {
        Matcher m = SUMMARY.matcher(err);
        if (!m.find()) {
            throw new AssertionError("no producer summary in:\n" + err);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static JsonNode json(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (!(node instanceof ObjectNode)) {
                throw new AssertionError("not a JSON object: " + line);
            }
            return node;
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
