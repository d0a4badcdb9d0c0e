package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the API reads a topic or group name from the path. */
class ApiTest {

    @Test
    void aNameIsPercentDecodedAndAPlusStaysAPlus() {
        assertThat(Api.name("/api/groups/my%20group%2Fone", "/api/groups/")).isEqualTo("my group/one");
        assertThat(Api.name("/api/groups/a+b", "/api/groups/")).isEqualTo("a+b");
        assertThat(Api.name("/api/topics/%ED%86%A0%ED%94%BD", "/api/topics/")).isEqualTo("토픽");
    }

    @Test
    void noNameIsNoAddress() {
        assertThat(Api.name("/api/topics/", "/api/topics/")).isNull();
        assertThat(Api.name("/api/topics/a/b", "/api/topics/")).isNull();
        assertThat(Api.name("/api/topics/%zz", "/api/topics/")).isNull();
        assertThat(Api.name("/api/groups/g", "/api/topics/")).isNull();
    }
}
