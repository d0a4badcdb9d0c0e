package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --print timestamp,headers,key}: after each banner line, one line each, matching the record as
 * {@code --output json} shows it; the banner and sentence stay the tutorial's.
 */
class ConsumerPrintIT {

    @Test
    void theDetailLinesMatchTheRecords() throws Exception {
        TopicFixture topic = TopicFixture.withEvents("print", 1, 3, "--key", "user_id");

        List<JsonNode> records = JsonLines.parse(read(topic, "--output", "json"));
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

    private static String read(TopicFixture topic, String... more) throws InterruptedException {
        return topic.read(Stream.concat(Stream.of("--from-beginning", "--to-end"), Stream.of(more))
                .toArray(String[]::new)).out();
    }
}
