package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The tutorial's own path: docker-compose.yml and `docker exec -i kafka ...`, exactly as the README says.
 * It binds localhost:9092 and creates the compose project kafka-docker-envs, so it runs only when asked:
 * {@code WALKTHROUGH_DOCKER=1 mvn verify} (CI does).
 */
class DockerTutorialWalkthroughIT extends TutorialWalkthrough {

    @Override
    Map<String, String> environment() {
        Assumptions.assumeTrue("1".equals(System.getenv("WALKTHROUGH_DOCKER")),
                "the Docker walkthrough runs with WALKTHROUGH_DOCKER=1 (it binds localhost:9092)");
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", null); // the reader's shell: the tutorial's defaults only
        return environment;
    }

    @Override
    String tool(String name, String arguments) {
        return "docker exec -i kafka " + name + " --bootstrap-server localhost:9092 " + arguments;
    }

    @Override
    void startTheBroker() throws Exception {
        step("docker-compose up -d");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> run("docker-compose ps").out().contains("(healthy)"));
        assertThat(step("docker-compose ps").out()).contains("kafka", "Up (healthy)");
        assertThat(step("docker network inspect kafka-docker-envs_default").out()).contains("\"kafka\"");
        assertThat(step("docker-compose logs kafka").out()).contains("Kafka Server started");
    }

    @Override
    void stopAndWipeTheBroker() throws Exception {
        step("docker-compose down -v");
        assertThat(step("docker ps -a --format '{{.Names}}'").out().lines()).doesNotContain("kafka");
        assertThat(step("docker volume ls --format '{{.Name}}'").out()).doesNotContain("kafka-docker-envs_kafka-data");
    }
}
