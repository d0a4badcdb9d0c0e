package dev.kafkatutorial.useractivity.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.EventIdHeader;
import dev.kafkatutorial.useractivity.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** consumer --audit on Kafka's MockConsumer: its record is written before the lines, its figures and their scope. */
class AuditTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final AuditSettings NAMED_GROUP = new AuditSettings(false, "session.timeout.ms", 45_000);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final Map<TopicPartition, Long> logStart = new HashMap<>();
    private final List<Set<TopicPartition>> asked = new ArrayList<>();

    @Test
    void everyIdIsOnFileBeforeItsLineReachesTheOutputAlsoInMidBatch() {
        Path file = dir.resolve("g.ids");
        Audit audit = open(file, NAMED_GROUP, Language.ko);
        Set<String> checked = new HashSet<>();
        StringBuilder written = new StringBuilder();
        // the output: at each write, every whole line written so far names an id the file already holds
        OutputStream checking = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.append(new String(b, off, len, StandardCharsets.UTF_8));
                Set<String> onFile = idsOnFile(file);
                written.toString().lines().filter(line -> line.endsWith("x")).map(line -> line.split(" ")[1])
                        .forEach(id -> {
                            assertThat(onFile).as("on file before its line is written").contains(id);
                            checked.add(id);
                        });
            }
        };
        LineOutput output = new LineOutput(new PrintStream(checking, false, StandardCharsets.UTF_8), ReaderProbe.NONE);
        output.beforeEachWrite(audit::beforePrinting);
        // one batch of 2,000 lines of 100 bytes: the output writes 64 KB chunks of it before the batch ends
        for (int offset = 0; offset < 2000; offset++) {
            audit.read(record(offset, id(offset)));
            output.write("event " + id(offset) + " " + "x".repeat(80));
        }
        assertThat(output.flush()).isTrue();
        assertThat(checked).hasSize(2000);
    }

    @Test
    void aRunAssignedNoPartitionSaysNothingWasAuditedAndWhyInsteadOfAnAllClear() {
        Audit audit = open(dir.resolve("g.ids"), NAMED_GROUP, Language.en);
        assertThat(audit.close(false)).isFalse();
        assertThat(err()).contains("Audit: nothing audited - this member was assigned no partition: the group's other "
                        + "members hold them all (more members than partitions), or a member that died holds them "
                        + "until its session times out (session.timeout.ms; this member's is 45000 ms)")
                .doesNotContain("missing 0");
    }

    @Test
    void aRunThatFailedBeforeAnyAssignmentSaysOnlyThat() {
        Audit audit = open(dir.resolve("g.ids"), NAMED_GROUP, Language.en);
        assertThat(audit.close(true)).isFalse();
        assertThat(err()).contains("Audit: nothing audited - the run ended before any partition was assigned")
                .doesNotContain("session");
    }

    @Test
    void aCommitDeletedBeforeTheGroupReadItIsMissingAndTheFigureSaysWhatItCovered() {
        consumer.assign(List.of(P0));
        consumer.seek(P0, 100); // the group's commit, deleted: the first fetch resets the consumer to 200
        Audit audit = open(dir.resolve("g.ids"), NAMED_GROUP, Language.ko);
        audit.assigned(List.of(P0));
        for (int offset = 200; offset < 300; offset++) {
            audit.read(record(offset, id(offset)));
        }
        logStart.put(P0, 200L);
        audit.printed();
        assertThat(asked).as("asked once, for the partition with the gap").containsExactly(Set.of(P0));
        assertThat(audit.close(false)).isTrue();
        assertThat(err()).contains("감사: 빠짐 - 파티션 0의 오프셋 100-199은(는) 읽기 전에 삭제되었습니다")
                .contains("  run1: 받음 100, 중복 0, 순서 바뀜 0")
                .contains("감사: 빠짐 100 - 이 멤버가 읽기로 한 범위: 파티션 0 오프셋 100-299 (빠짐 100-199)");
    }

    @Test
    void aOneOffReadWithoutAGroupKeepsNoFileAndCountsFromItsStart() throws IOException {
        consumer.assign(List.of(P0));
        consumer.seek(P0, 1998); // --last 2
        Audit audit = open(null, new AuditSettings(false, "session.timeout.ms", 45_000), Language.en);
        audit.assigned(List.of(P0));
        audit.read(record(1998, id(1998)));
        audit.read(record(1999, id(1999)));
        audit.beforePrinting();
        audit.printed();
        assertThat(audit.close(false)).isTrue();
        assertThat(asked).as("no gap, no question").isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(err()).contains("Audit: a one-off read without --group: no record file is kept")
                .contains("Audit: missing 0 of what this member was meant to read: partition 0 offsets 1998-1999");
    }

    private Audit open(Path file, AuditSettings settings, Language language) {
        LogStarts starts = new LogStarts() {
            @Override
            public Map<TopicPartition, Long> of(Set<TopicPartition> partitions) {
                asked.add(partitions);
                return logStart;
            }

            @Override
            public void close() {
            }
        };
        return Audit.open(file, "g", new AuditLines(language), new PrintStream(err, true, StandardCharsets.UTF_8),
                settings, starts).on(consumer);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String id(int sequence) {
        return "run1-" + String.format("%04d", sequence);
    }

    private static ConsumerRecord<String, String> record(long offset, String id) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventIdHeader.NAME, id.getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(P0.topic(), P0.partition(), offset, 0L, TimestampType.CREATE_TIME, 0, 0, null,
                "{}", headers, Optional.empty());
    }

    private static Set<String> idsOnFile(Path file) {
        try {
            return Files.exists(file) ? new HashSet<>(Files.readString(file).lines()
                    .map(line -> line.substring(line.indexOf(' ') + 1)).toList()) : Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
