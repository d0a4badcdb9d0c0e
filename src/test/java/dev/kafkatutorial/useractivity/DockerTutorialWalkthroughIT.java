package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
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

    /**
     * Compose v1 prints {@code Up (healthy)}; v2 ({@code docker compose}) prints {@code Up 30 seconds (healthy)}.
     */
    static final Pattern HEALTHY = Pattern.compile("\\bUp\\b[^()\\n]*\\(healthy\\)");

    private String compose;

    /** The tutorial's {@code docker-compose} (v1), or the v2 plugin {@code docker compose} where only it exists. */
    private String compose() throws Exception {
        if (compose == null) {
            compose = run("command -v docker-compose").code() == 0 ? "docker-compose" : "docker compose";
        }
        return compose;
    }

    @Override
    void startTheBroker() throws Exception {
        step(compose() + " up -d");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(() -> HEALTHY.matcher(run(compose() + " ps").out()).find());
        assertThat(step(compose() + " ps").out()).contains("kafka").containsPattern(HEALTHY);
        assertThat(step("docker network inspect kafka-docker-envs_default").out()).contains("\"kafka\"");
        assertThat(step(compose() + " logs kafka").out()).contains("Kafka Server started");
    }

    @Override
    void stopAndWipeTheBroker() throws Exception {
        step(compose() + " down -v");
        assertThat(step("docker ps -a --format '{{.Names}}'").out().lines()).doesNotContain("kafka");
        assertThat(step("docker volume ls --format '{{.Name}}'").out()).doesNotContain("kafka-docker-envs_kafka-data");
    }
}
