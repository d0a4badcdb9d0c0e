package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkatutorial.useractivity.broker.LocalKafkaBroker;
import dev.kafkatutorial.useractivity.broker.TestKafka;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stopped under a running page and started again (same port, same data): the API answers 503 with
 * a JSON reason while it is away, the page says so in the browser, and both come back by themselves.
 */
class WebBrokerDownIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String END = "#partitions tr[data-partition='0'] td[data-field='log_end_offset']";

    @TempDir
    Path dir;

    @Test
    void whileTheBrokerIsAwayTheApiAnswers503AndThePageSaysSoThenBothRecover() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(0, dir.resolve("data"))) {
            String topic = "web-down-" + System.nanoTime();
            TestKafka.createTopic(broker.bootstrapServers(), topic, 1);
            try (WebRun web = WebRun.start("--bootstrap-server", broker.bootstrapServers(), "--lang", "en");
                 Browser browser = Browser.start()) {
                browser.open(web.url() + "?topic=" + topic);
                browser.untilText(LIMIT, END, "0");
                browser.untilText(LIMIT, "#status", "broker connected");

                broker.stop();
                WebRun.Answer away = web.get("/api/topics/" + topic);
                assertThat(away.status()).as(away.body()).isEqualTo(503);
                assertThat(away.json().get("error").asText()).isEqualTo("broker_unreachable");
                assertThat(away.json().get("reason").asText()).isEqualTo("Cannot reach a Kafka broker at "
                        + broker.bootstrapServers() + " (no answer within 3 s). Check that it is running: "
                        + "docker-compose up -d, or without Docker ./local-broker.sh start");
                assertThat(web.get("/api/groups").status()).isEqualTo(503);
                browser.untilText(LIMIT, "#status", "broker not answering");
                assertThat(browser.text("#banner")).startsWith("Cannot reach a Kafka broker at "
                        + broker.bootstrapServers());
                assertThat(browser.shown("#banner")).isTrue();

                broker.restart();
                await().atMost(LIMIT).until(() -> web.get("/api/topics/" + topic).status() == 200);
                browser.untilText(LIMIT, "#status", "broker connected");
                assertThat(browser.shown("#banner")).isFalse();
                assertThat(browser.text(END)).isEqualTo("0");
            }
        }
    }
}
