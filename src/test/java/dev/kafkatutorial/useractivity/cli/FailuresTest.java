package dev.kafkatutorial.useractivity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which line a first request that timed out gets, from the client's metrics (NotAKafkaBrokerIT: for real). */
class FailuresTest {

    private static final Lines KO = new Lines(Language.ko);

    @Test
    void aServiceThatTookTheConnectionButNeverAnsweredIsNotKafkaAndTheAdviceNamesWhereTheAddressCameFrom() {
        ClientOptions options = new ClientOptions();
        new CommandLine(options).parseArgs("--property", "bootstrap.servers=localhost:8000");
        try (Metrics metrics = new Metrics()) {
            metric(metrics, "connection-creation-total", 1);
            metric(metrics, "response-total", 0);
            String line = Failures.timeoutMessage(new TimeoutException("metadata"), metrics.metrics(), options,
                    "t", KO);
            assertThat(line).startsWith("localhost:8000 주소는 응답하지만 카프카 브로커가 아닙니다")
                    .contains("--property bootstrap.servers의 포트").doesNotContain("--bootstrap-server");
        }
    }

    @Test
    void noConnectionEverIsNoBrokerAndAnAnsweringBrokerWithoutTheTopicIsAMissingTopic() {
        ClientOptions options = new ClientOptions();
        new CommandLine(options).parseArgs("--bootstrap-server", "localhost:9092");
        try (Metrics none = new Metrics(); Metrics answered = new Metrics()) {
            metric(none, "connection-creation-total", 0);
            assertThat(Failures.timeoutMessage(new TimeoutException("x"), none.metrics(), options, "t", KO))
                    .startsWith("브로커에 연결할 수 없습니다: localhost:9092");
            metric(answered, "connection-creation-total", 1);
            metric(answered, "response-total", 3);
            assertThat(Failures.timeoutMessage(new TimeoutException("x"), answered.metrics(), options, "t", KO))
                    .startsWith("토픽 t을(를) 사용할 수 없습니다");
        }
    }

    private static void metric(Metrics metrics, String name, double value) {
        metrics.addMetric(new MetricName(name, "producer-metrics", "", Map.of()), (Measurable) (config, now) -> value);
    }
}
