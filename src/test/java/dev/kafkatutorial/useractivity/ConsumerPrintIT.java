package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code --print timestamp,headers,key}: after each banner line, one line each, matching the record as
 * {@code --output json} shows it; the banner and sentence stay the tutorial's.
 */
class ConsumerPrintIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theDetailLinesMatchTheRecords() throws Exception {
        String topic = "print-" + System.nanoTime();
        TestKafka.createTopic(topic, 1);
        ProgramRun producer = ProgramRun.producer("--bootstrap-server", TestKafka.bootstrapServers(), "--topic", topic,
                "--interval", "0", "--max-messages", "3", "--quiet", "--key", "user_id");
        assertThat(producer.awaitExit(LIMIT)).as(producer.err()).isZero();

        List<JsonNode> records = read(topic, "--output", "json").lines().map(ConsumerPrintIT::parse).toList();
        String text = read(topic, "--print", "timestamp,headers,key");

        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z", Locale.ROOT);
        StringBuilder expected = new StringBuilder();
        for (JsonNode record : records) {
            String when = format.format(Instant.ofEpochMilli(record.get("timestamp").asLong()).atZone(ZoneId.systemDefault()));
            expected.append("======= 새 메시지 수신 (파티션: 0, 오프셋: ").append(record.get("offset").asLong()).append(") =======\n")
                    .append("시각: ").append(when).append(" (CreateTime)\n")
                    .append("헤더: event-id=").append(record.get("event_id").asText()).append('\n')
                    .append("키: ").append(record.get("key").asText()).append('\n');
        }
        List<String> printed = text.lines().filter(line -> !line.isBlank() && !isSentence(line)).toList();
        assertThat(String.join("\n", printed) + "\n").isEqualTo(expected.toString());
        assertThat(records.get(0).get("key").asText()).isEqualTo(records.get(0).get("value").get("user_id").asText());
    }

    /** The tutorial's sentence under the banner, e.g. {@code 🟢 사용자 123가 로그인했습니다.} */
    private static boolean isSentence(String line) {
        return line.contains("사용자 ");
    }

    private static String read(String topic, String... more) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", TestKafka.bootstrapServers(),
                "--topic", topic, "--from-beginning", "--to-end"));
        args.addAll(List.of(more));
        ProgramRun consumer = ProgramRun.consumer(args.toArray(String[]::new));
        assertThat(consumer.awaitExit(LIMIT)).as(consumer.err()).isZero();
        return consumer.out();
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
