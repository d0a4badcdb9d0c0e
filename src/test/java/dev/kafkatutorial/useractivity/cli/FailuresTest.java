package dev.kafkatutorial.useractivity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.IllegalSaslStateException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.apache.kafka.common.metrics.Measurable;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Which line a first request that timed out gets, from the client's metrics (NotAKafkaBrokerIT: for real), and
 * the lines of the authentication failures (SecurityIT: for real).
 */
class FailuresTest {

    private static final Lines KO = new Lines(Language.ko);
    private static final Lines EN = new Lines(Language.en);

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

    /** NotAKafkaBrokerIT: for real, an SSL client on the embedded broker's plaintext listener. */
    @Test
    void aConnectionWhoseTlsHandshakeNeverCompletedIsAProtocolMismatchNotAnotherService() {
        ClientOptions ssl = new ClientOptions();
        new CommandLine(ssl).parseArgs("--bootstrap-server", "localhost:9092", "--command-property",
                "security.protocol=ssl");
        ClientOptions plain = new ClientOptions();
        new CommandLine(plain).parseArgs("--bootstrap-server", "localhost:9092");
        try (Metrics metrics = new Metrics()) {
            metric(metrics, "connection-creation-total", 3);
            metric(metrics, "successful-authentication-total", 0);
            metric(metrics, "response-total", 0);
            assertThat(Failures.timeoutMessage(new TimeoutException("x"), metrics.metrics(), ssl, "t", EN))
                    .startsWith("The TLS handshake with localhost:9092 did not complete within 10 s "
                            + "(security.protocol=SSL): the listener there is probably PLAINTEXT")
                    .doesNotContain("not a Kafka broker");
            assertThat(Failures.timeoutMessage(new TimeoutException("x"), metrics.metrics(), ssl, "t", KO))
                    .startsWith("localhost:9092와(과)의 TLS 핸드셰이크가 10초 안에 끝나지 않았습니다");
            assertThat(Failures.timeoutMessage(new TimeoutException("x"), metrics.metrics(), plain, "t", EN))
                    .startsWith("localhost:9092 answers, but it is not a Kafka broker");
        }
    }

    /** SecurityIT: for real, against a listener without SASL and one with PLAIN only. */
    @Test
    void aSaslMismatchSaysWhichInOneLineWithoutTheExceptionClass() {
        assertThat(Failures.fatalMessage(new IllegalSaslStateException("Unexpected handshake request with client "
                + "mechanism PLAIN, enabled mechanisms are []"), EN))
                .isEqualTo("Authentication failed: the broker's listener does not use SASL (no mechanism enabled). "
                        + "Check security.protocol against the broker's listener (PLAINTEXT or SSL)");
        assertThat(Failures.fatalMessage(new UnsupportedSaslMechanismException("Client SASL mechanism 'SCRAM-SHA-256' "
                + "not enabled in the server, enabled mechanisms are [PLAIN, OAUTHBEARER]"), KO))
                .isEqualTo("인증 실패: 브로커의 리스너가 이 sasl.mechanism(SCRAM-SHA-256)을 켜지 않았습니다 "
                        + "(켜진 메커니즘: PLAIN, OAUTHBEARER). sasl.mechanism을 그중 하나로 바꾸세요");
        assertThat(Failures.fatalMessage(new IllegalSaslStateException("Invalid SASL mechanism response, server may "
                + "be expecting a different protocol"), EN))
                .startsWith("Authentication failed: the broker's listener does not take this client's SASL");
    }

    @Test
    void anAuthenticationFailureNamesNoJavaClassAndAMessagelessOneGetsKafkasWords() {
        String line = Failures.fatalMessage(new SslAuthenticationException("SSL handshake failed",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed: "
                        + "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
                        + "certification path to requested target")), EN);
        assertThat(line).startsWith("Authentication failed: SSL handshake failed: PKIX path building failed: unable to "
                + "find valid certification path").doesNotContain("Exception");
        assertThat(Failures.fatalMessage(new SaslAuthenticationException(null), EN))
                .startsWith("Authentication failed: SASL Authentication failed. Check").doesNotContain("Exception");
    }

    private static void metric(Metrics metrics, String name, double value) {
        metrics.addMetric(new MetricName(name, "producer-metrics", "", Map.of()), (Measurable) (config, now) -> value);
    }
}
