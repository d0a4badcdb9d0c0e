package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Over a thousand malformed values between valid events, on two partitions: the consumer reports each bad one
 * on one line with its partition and offset, prints every valid one, and never dies.
 */
class PoisonPillIT {

    private static final int VALID = 1000;
    private static final int MALFORMED_PER_KIND = 150;
    private static final int ONE_MB = 1024 * 1024;
    private static final Pattern RECEIVED = Pattern.compile("======= 새 메시지 수신 \\(파티션: (\\d+), 오프셋: (\\d+)\\) =======");
    private static final Pattern SKIPPED = Pattern.compile("잘못된 메시지를 건너뜁니다 \\(파티션: (\\d+), 오프셋: (\\d+)\\): .+");
    private static final Pattern LAG = Pattern.compile("파티션 \\d+: 위치 \\d+, 끝 \\d+, 남은 메시지 \\d+");

    /** Each kind of poison, by the n-th of its kind. */
    private static final List<IntFunction<byte[]>> MALFORMED = List.of(
            n -> utf8("{\"user_id\": " + n + ", \"action\": \"login\""),                       // truncated JSON
            n -> utf8("{\"user_id\": \"user-" + n + "\", \"action\": \"login\", \"timestamp\": 1.0}"), // wrong type
            n -> utf8("{\"user_id\": " + n + ", \"action\": 7, \"timestamp\": 1.0}"),          // wrong type
            n -> utf8("{\"user_id\": " + n + ", \"timestamp\": 1.0}"),                         // missing field
            n -> new byte[0],                                                                  // empty
            n -> null,                                                                         // null value
            n -> randomBytes(n),                                                               // binary
            n -> invalidUtf8(n));                                                              // not UTF-8

    @Test
    void everyMalformedRecordIsReportedOnceAndEveryValidOneIsPrinted(TestInfo test) throws Exception {
        String topic = "poison-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            // Room for the 1 MB value (the broker's default limit is 1 MB in all, with the batch's overhead).
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1)
                    .configs(Map.of("max.message.bytes", String.valueOf(2 * ONE_MB))))).all().get(30, TimeUnit.SECONDS);
        }

        // The order of valid and malformed records, shuffled with a fixed seed so a failure can be replayed.
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < VALID; i++) {
            values.add(utf8("{\"user_id\": " + (i % 1000 + 1) + ", \"action\": \"login\", \"timestamp\": 1646092800."
                    + i + "}"));
        }
        List<byte[]> malformed = new ArrayList<>();
        for (IntFunction<byte[]> kind : MALFORMED) {
            for (int n = 0; n < MALFORMED_PER_KIND; n++) {
                malformed.add(kind.apply(n));
            }
        }
        byte[] huge = new byte[ONE_MB]; // valid JSON up to a user_id that never ends: a string of a million x
        Arrays.fill(huge, (byte) 'x');
        System.arraycopy(utf8("{\"user_id\": \""), 0, huge, 0, 13);
        malformed.add(huge);
        Random random = new Random(42);
        List<Boolean> isValid = new ArrayList<>();
        List<byte[]> all = new ArrayList<>();
        int v = 0;
        int m = 0;
        while (v < values.size() || m < malformed.size()) {
            boolean takeValid = m == malformed.size() || (v < values.size() && random.nextBoolean());
            all.add(takeValid ? values.get(v++) : malformed.get(m++));
            isValid.add(takeValid);
        }

        Set<String> validAt = new HashSet<>();
        Set<String> malformedAt = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * ONE_MB,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                sent.add(raw.send(new ProducerRecord<>(topic, i % 2, null, all.get(i))));
            }
            for (int i = 0; i < sent.size(); i++) {
                RecordMetadata at = sent.get(i).get(60, TimeUnit.SECONDS);
                (isValid.get(i) ? validAt : malformedAt).add(at.partition() + "/" + at.offset());
            }
        }

        // Stopped once every record is accounted for (a state, not an idle time that a slow machine can cut short).
        ProgramRun consumer = ProgramRun.stoppableConsumer(TestKafka.bootstrapArgs("--topic", topic, "--group", topic));
        await().atMost(Duration.ofSeconds(90)).until(() -> RECEIVED.matcher(consumer.out()).results().count() >= VALID
                && consumer.err().lines().filter(l -> SKIPPED.matcher(l).matches()).count() >= malformedAt.size());
        consumer.stop();
        assertThat(consumer.awaitExit(Duration.ofSeconds(90))).as(consumer.err()).isZero();

        List<String> printed = RECEIVED.matcher(consumer.out()).results().map(r -> r.group(1) + "/" + r.group(2)).toList();
        List<String> errLines = consumer.err().lines().toList();
        List<String> reported = errLines.stream().filter(l -> SKIPPED.matcher(l).matches())
                .map(l -> SKIPPED.matcher(l).results().map(r -> r.group(1) + "/" + r.group(2)).findFirst().orElseThrow())
                .toList();
        Set<String> notPrinted = new HashSet<>(validAt);
        notPrinted.removeAll(printed);
        Figures.record(new Figures("poison pills", "poison pills: " + malformedAt.size() + " malformed among "
                + validAt.size() + " valid records (" + reported.size() + " reported and skipped)", all.size(),
                validAt.size() + malformedAt.size(), 0, printed.size(), new HashSet<>(printed).size(), notPrinted.size(),
                printed.size() - new HashSet<>(printed).size()));

        assertThat(printed).hasSize(VALID).doesNotHaveDuplicates();
        assertThat(new HashSet<>(printed)).isEqualTo(validAt);
        assertThat(reported).hasSize(MALFORMED.size() * MALFORMED_PER_KIND + 1).doesNotHaveDuplicates();
        assertThat(new HashSet<>(reported)).isEqualTo(malformedAt);
        // One line per bad record, the group's assignment lines with each partition's lag, and the summary: no
        // stack trace, no logger output.
        assertThat(errLines).filteredOn(l -> !SKIPPED.matcher(l).matches() && !l.startsWith("=======")
                && !LAG.matcher(l).matches() && !l.startsWith("컨슈머 종료")).isEmpty();
        assertThat(consumer.err()).doesNotContain("\tat ", "Exception:")
                .contains("컨슈머 종료 - 처리한 메시지: " + VALID + ", 건너뛴 메시지: " + malformedAt.size());
        assertThat(errLines.stream().mapToInt(String::length).max().orElse(0)).as("the 1 MB value is cut short")
                .isLessThan(1000);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[16 + n % 64];
        new Random(n).nextBytes(bytes);
        bytes[0] = (byte) 0x80; // never valid JSON, even by chance
        return bytes;
    }

    /** JSON whose string holds bytes that are not UTF-8: a lone continuation byte and a byte UTF-8 never uses. */
    private static byte[] invalidUtf8(int n) {
        byte[] head = utf8("{\"user_id\": " + n + ", \"action\": \"");
        byte[] tail = utf8("\", \"timestamp\": 1.0}");
        byte[] bytes = Arrays.copyOf(head, head.length + 2 + tail.length);
        bytes[head.length] = (byte) 0x80;
        bytes[head.length + 1] = (byte) 0xFF;
        System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
        return bytes;
    }
}
