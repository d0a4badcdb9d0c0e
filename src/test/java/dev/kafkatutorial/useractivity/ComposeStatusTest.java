package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Docker walkthrough's "healthy" check reads both Compose versions' `ps`, and nothing else. */
class ComposeStatusTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "kafka   /etc/confluent/docker/run   Up (healthy)   127.0.0.1:9092->9092/tcp",                  // v1
        "kafka   confluentinc/cp-kafka:8.1.0   \"/etc/confluent/docker/run\"   kafka   About a minute ago   Up 30 seconds (healthy)   127.0.0.1:9092->9092/tcp", // v2
        "kafka  user-activity-kafka/cp-kafka-standin:8.1.0-0123  kafka  2 minutes ago  Up About a minute (healthy)"})
    void healthyInEitherComposeVersion(String ps) {
        assertThat(DockerTutorialWalkthroughIT.HEALTHY.matcher(ps).find()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka   Up (health: starting)", "kafka   Up 5 seconds (unhealthy)", "kafka   Exit 1",
        "kafka   Restarting (1) 3 seconds ago"})
    void notHealthyYet(String ps) {
        assertThat(DockerTutorialWalkthroughIT.HEALTHY.matcher(ps).find()).isFalse();
    }
}
