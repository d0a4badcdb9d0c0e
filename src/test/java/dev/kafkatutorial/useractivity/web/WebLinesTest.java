package dev.kafkatutorial.useractivity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkatutorial.useractivity.Language;
import org.junit.jupiter.api.Test;

/** The web program's lines in both languages. */
class WebLinesTest {

    private final WebLines ko = new WebLines(Language.ko);
    private final WebLines en = new WebLines(Language.en);

    @Test
    void serving() {
        assertThat(ko.serving("http://127.0.0.1:8080/", "localhost:9092"))
                .isEqualTo("웹 페이지: http://127.0.0.1:8080/ - 브라우저로 여세요 (브로커: localhost:9092, Ctrl+C로 종료)");
        assertThat(en.serving("http://127.0.0.1:8080/", "localhost:9092"))
                .isEqualTo("Web page: http://127.0.0.1:8080/ - open it in a browser (broker: localhost:9092, Ctrl+C stops)");
    }

    @Test
    void unknownNamesAreEscaped() {
        assertThat(en.unknownTopic("a\nb")).isEqualTo("No topic a\\nb on this cluster");
        assertThat(ko.unknownGroup("g")).isEqualTo("그룹 g이(가) 없습니다");
        assertThat(en.notFound("/api/x")).isEqualTo("No such address: /api/x");
    }

    @Test
    void shareGroupsOffAndKafkaErrors() {
        assertThat(en.shareGroupsOff()).contains("share.version");
        assertThat(ko.kafkaError("x")).isEqualTo("카프카 오류: x");
        assertThat(en.cannotServe("10.0.0.1", 80, "Permission denied"))
                .isEqualTo("Cannot serve the page on 10.0.0.1:80: Permission denied");
        assertThat(ko.stopped()).isEqualTo("웹 페이지 종료");
    }
}
