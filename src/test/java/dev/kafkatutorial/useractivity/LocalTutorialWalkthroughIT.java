package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;

/**
 * The tutorial without Docker: the local broker (./local-broker.sh) and Kafka's own tools (./kafka.sh). The
 * only change to the README's commands: a free port instead of 9092, so a broker the developer runs is
 * never touched.
 */
class LocalTutorialWalkthroughIT extends TutorialWalkthrough {

    private String bootstrap;

    @Override
    Map<String, String> environment() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        bootstrap = "localhost:" + port;
        return Map.of(
                "KAFKA_PORT", String.valueOf(port),
                "KAFKA_DATA_DIR", Files.createTempDirectory("walkthrough-kafka-").toString(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap); // also keeps create_topic.sh off any kafka container
    }

    @Override
    String tool(String name, String arguments) {
        return "./kafka.sh " + name + " --bootstrap-server " + bootstrap + " " + arguments;
    }

    @Override
    void startTheBroker() throws Exception {
        assertThat(step("./local-broker.sh start").out()).contains("broker ready on " + bootstrap);
        assertThat(step("./local-broker.sh status").out()).contains("is running");
    }

    @Override
    void stopAndWipeTheBroker() throws Exception {
        assertThat(step("./local-broker.sh stop").out()).containsAnyOf("stopped", "not running");
        assertThat(run("./local-broker.sh status").code()).isEqualTo(3);
        assertThat(step("./local-broker.sh wipe").out()).contains("deleted");
    }
}
