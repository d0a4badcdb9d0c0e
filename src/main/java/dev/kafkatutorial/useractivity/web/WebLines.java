package dev.kafkatutorial.useractivity.web;

import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.cli.Lines;

/**
 * The web program's lines, on the terminal and in the API's {@code reason}: where the page is, the warning for an
 * address beyond this machine, a port that is taken, and why an API request has no figures. The page's own words
 * are in {@code src/main/resources/web/text.js}, both languages side by side as here.
 */
public final class WebLines extends Lines {

    public WebLines(Language language) {
        super(language);
    }

    /** The first line on stdout: the address to open, and the broker the page shows. */
    public String serving(String url, String bootstrapServers) {
        return pick("웹 페이지: " + url + " - 브라우저로 여세요 (브로커: " + bootstrapServers + ", Ctrl+C로 종료)",
                "Web page: " + url + " - open it in a browser (broker: " + bootstrapServers + ", Ctrl+C stops)");
    }

    public String notLoopback(String address) {
        return pick("주의: --bind " + address + ": 이 주소에 닿는 누구나 이 페이지(토픽과 그룹 이름, 오프셋)를 볼 수 있습니다. "
                        + "이 컴퓨터에서만 보려면 --bind를 빼세요",
                "Warning: --bind " + address + ": anyone who reaches this address can see the page (topic and group "
                        + "names, offsets). Leave --bind out to serve this machine only");
    }

    public String portInUse(int port) {
        return pick("포트 " + port + "은(는) 이미 다른 프로그램이 쓰고 있습니다. --port로 다른 포트를 고르세요 (예: --port "
                        + (port + 1) + ", --port 0은 빈 포트 아무거나)",
                "Port " + port + " is already in use by another program. Choose another with --port (e.g. --port "
                        + (port + 1) + "; --port 0 takes any free port)");
    }

    public String cannotServe(String address, int port, String reason) {
        return pick(address + ":" + port + "에서 페이지를 열 수 없습니다: " + reason,
                "Cannot serve the page on " + address + ":" + port + ": " + reason);
    }

    public String stopped() {
        return pick("웹 페이지 종료", "Web page stopped");
    }

    public String unknownTopic(String topic) {
        return pick("토픽 " + escape(topic) + "이(가) 없습니다", "No topic " + escape(topic) + " on this cluster");
    }

    public String unknownGroup(String group) {
        return pick("그룹 " + escape(group) + "이(가) 없습니다", "No group " + escape(group) + " on this cluster");
    }

    public String notFound(String path) {
        return pick("없는 주소: " + escape(path), "No such address: " + escape(path));
    }

    /** Share groups need the broker's share.version feature (Kafka 4.1: a preview, off by default). */
    public String shareGroupsOff() {
        return pick("이 브로커는 공유 그룹(share group)을 지원하지 않거나 꺼 두었습니다 (share.version 기능)",
                "This broker does not support share groups, or has them off (the share.version feature)");
    }

    public String kafkaError(String reason) {
        return pick("카프카 오류: " + reason, "Kafka error: " + reason);
    }
}
