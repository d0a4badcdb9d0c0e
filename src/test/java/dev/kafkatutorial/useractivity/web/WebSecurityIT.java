package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page behind SASL/PLAIN: with the password in {@code --command-config} (or {@code --command-property}) it
 * shows the cluster, and no answer it gives, figures, errors or the page's files, nor anything it prints, holds the
 * password; a wrong password is a 503 saying authentication failed, without either password.
 */
class WebSecurityIT {

    private static final String PASSWORD = "alice-Web-Secret-2718";
    private static final String WRONG = "not-Alices-Web-Password-31";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static LocalKafkaBroker broker;
    private static String saslServers;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        // The ports are chosen free, then closed for the broker to take: another listener may take the same port
        // in between ("Each listener must have a different port"), so a few tries with new ports.
        for (int attempt = 1; broker == null; attempt++) {
            int plain;
            int sasl;
            try (ServerSocket one = new ServerSocket(0); ServerSocket two = new ServerSocket(0)) {
                plain = one.getLocalPort();
                sasl = two.getLocalPort();
            }
            saslServers = "localhost:" + sasl;
            try {
                broker = LocalKafkaBroker.start(plain, dir.resolve("data-" + attempt), Map.of(
                        "listeners", "SASL_PLAINTEXT://" + saslServers,
                        "advertised.listeners", "SASL_PLAINTEXT://" + saslServers,
                        "listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT",
                        "sasl.enabled.mechanisms", "PLAIN",
                        "listener.name.sasl_plaintext.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required user_alice=\"" + PASSWORD
                                + "\";",
                        "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                        "super.users", "User:ANONYMOUS;User:alice"));
            } catch (IllegalArgumentException portTakenMeanwhile) {
                if (attempt == 3) {
                    throw portTakenMeanwhile;
                }
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    private static String jaas(String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\""
                + password + "\";";
    }

    @Test
    void withThePasswordInCommandConfigNoAnswerAndNoLineHoldsIt() throws Exception {
        String topic = "web-secured-" + System.nanoTime();
        TestKafka.createTopic(broker.bootstrapServers(), topic, 1); // through the broker's own PLAINTEXT listener
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config="
                + jaas(PASSWORD) + "\n");
        try (WebRun web = WebRun.start("--bootstrap-server", saslServers, "--command-config", config.toString(),
                "--lang", "en");
             GroupMember member = new GroupMember(broker.bootstrapServers(), topic + "-group", topic, "classic",
                     "member", Map.of())) {
            member.awaitCommitted();
            await().atMost(LIMIT).until(() -> web.get("/api/groups/" + topic + "-group").status() == 200);
            for (String path : List.of("/", "/app.js", "/style.css", "/api/page", "/api/topics", "/api/topics/" + topic,
                    "/api/groups", "/api/topics/no-such-topic", "/api/groups/no-such-group", "/api/nothing")) {
                web.get(path);
            }
            assertThat(web.json("/api/topics").toString()).contains(topic); // it did log in
            assertThat(web.bodies()).hasSizeGreaterThan(10).noneMatch(body -> body.contains(PASSWORD))
                    .noneMatch(body -> body.contains("sasl.jaas.config"));
            assertThat(web.stop()).isZero();
            assertThat(web.out() + web.err()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aWrongPasswordIsA503SayingAuthenticationFailedWithoutEitherPassword() throws Exception {
        try (WebRun web = WebRun.start("--bootstrap-server", saslServers, "--lang", "en",
                "--command-property", "security.protocol=SASL_PLAINTEXT", "--command-property", "sasl.mechanism=PLAIN",
                "--command-property", "sasl.jaas.config=" + jaas(WRONG))) {
            WebRun.Answer answer = web.get("/api/topics");

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().get("error").asText()).isEqualTo("authentication_failed");
            assertThat(answer.json().get("reason").asText()).isEqualTo("Authentication failed: Invalid username or "
                    + "password. Check the security settings (user name, password) in the --command-config file");
            web.get("/api/groups");
            web.get("/api/page");
            assertThat(web.bodies()).noneMatch(body -> body.contains(WRONG) || body.contains(PASSWORD));
            assertThat(web.stop()).isZero();
            assertThat(web.out() + web.err()).doesNotContain(WRONG);
        }
    }
}
