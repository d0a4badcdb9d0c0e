package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.Action;
import dev.kafkatutorial.useractivity.Language;
import dev.kafkatutorial.useractivity.UserActivity;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * The lines every program shares (failures that end a program, a skipped record, an assignment, the event's
 * sentence), in Korean (the tutorial's text, to the character) and English, and the base of each program's own
 * lines: {@code ProducerLines}, {@code ConsumerLines}, {@code ProcessorLines}, {@code DoctorLines} beside each
 * program. Each method keeps both languages side by side, so a translation is checked against its original at
 * a glance.
 */
public class Lines {

    protected final boolean ko;

    public Lines(Language language) {
        this.ko = language == Language.ko;
    }

    protected final String pick(String korean, String english) {
        return ko ? korean : english;
    }

    /** {@code 🟢 사용자 123가 로그인했습니다.} or {@code 💰 사용자 456가 500원 결제했습니다.} */
    public String describe(UserActivity event) {
        long user = event.userId();
        Action action = Action.byWireName(event.action());
        if (action == null) {
            String name = escape(event.action());
            return ko ? Action.UNKNOWN_EMOJI + " 사용자 " + user + "가 알 수 없는 활동(" + name + ")을 했습니다."
                    : Action.UNKNOWN_EMOJI + " User " + user + " did an unknown action (" + name + ").";
        }
        String e = action.emoji();
        return switch (action) {
            case LOGIN -> ko ? e + " 사용자 " + user + "가 로그인했습니다." : e + " User " + user + " logged in.";
            case LOGOUT -> ko ? e + " 사용자 " + user + "가 로그아웃했습니다." : e + " User " + user + " logged out.";
            case PAGE_VIEW -> ko ? e + " 사용자 " + user + "가 페이지를 조회했습니다."
                    : e + " User " + user + " viewed a page.";
            case ADD_TO_CART -> ko ? e + " 사용자 " + user + "가 장바구니에 상품을 담았습니다."
                    : e + " User " + user + " added an item to the cart.";
            case PAYMENT -> event.amount() == null
                    ? (ko ? e + " 사용자 " + user + "가 결제했습니다." : e + " User " + user + " made a payment.")
                    : (ko ? e + " 사용자 " + user + "가 " + event.amount() + "원 결제했습니다."
                            : e + " User " + user + " paid " + event.amount() + " won.");
            case SEARCH -> ko ? e + " 사용자 " + user + "가 검색했습니다." : e + " User " + user + " searched.";
        };
    }

    public String skipped(int partition, long offset, String reason, String excerpt) {
        return pick("잘못된 메시지를 건너뜁니다 (파티션: " + partition + ", 오프셋: " + offset + "): " + reason + " | 값: ",
                "Skipping malformed message (partition: " + partition + ", offset: " + offset + "): " + reason
                        + " | value: ")
                + excerpt;
    }

    public String nullValue() {
        return pick("값이 없습니다 (null)", "the value is null");
    }

    /** {@code ======= 파티션 할당: 0, 2 =======}; a consumer with nothing to read says so. */
    public String assigned(List<Integer> partitions) {
        return pick("======= 파티션 할당: " + list(partitions, "없음") + " =======",
                "======= Partitions assigned: " + list(partitions, "none") + " =======");
    }

    /**
     * With a group protocol named: {@code ======= 파티션 할당: 2 (consumer 프로토콜, 멤버 에포크 3) =======}. Under the
     * consumer protocol (and a cooperative assignor) the list holds only what this member newly got.
     */
    public String assigned(List<Integer> partitions, String membership) {
        String line = assigned(partitions);
        return membership == null ? line : line.substring(0, line.length() - " =======".length())
                + " (" + membership + ") =======";
    }

    /** The member's protocol and its number: the member epoch (consumer protocol) or the group's generation. */
    public String membership(String protocol, int number) {
        return "consumer".equals(protocol)
                ? pick("consumer 프로토콜, 멤버 에포크 " + number, "consumer protocol, member epoch " + number)
                : pick("classic 프로토콜, 세대 " + number, "classic protocol, generation " + number);
    }

    public String revoked(List<Integer> partitions) {
        return pick("======= 파티션 해제: " + list(partitions, "없음") + " =======",
                "======= Partitions revoked: " + list(partitions, "none") + " =======");
    }

    private static String list(List<Integer> partitions, String none) {
        return partitions.isEmpty() ? none
                : partitions.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public String transactionFailed(String reason) {
        return pick("트랜잭션 실패 - " + reason, "Transaction failed - " + reason);
    }

    /**
     * Where a transaction's records landed: {@code 오프셋 20-29} on one partition, else each partition's range
     * ({@code 파티션 0: 오프셋 20-25, 파티션 2: 오프셋 3-6}). {@code ranges} maps partition to {first, last}.
     */
    public String offsetRanges(SortedMap<Integer, long[]> ranges) {
        if (ranges.size() == 1) {
            long[] range = ranges.values().iterator().next();
            return pick("오프셋 ", "offsets ") + range[0] + "-" + range[1];
        }
        return ranges.entrySet().stream()
                .map(r -> pick("파티션 " + r.getKey() + ": 오프셋 ", "partition " + r.getKey() + ": offsets ")
                        + r.getValue()[0] + "-" + r.getValue()[1])
                .collect(Collectors.joining(", "));
    }

    /** The fenced producer's (or processor's) one line before it exits 1. */
    public String fenced(String transactionalId) {
        return pick("펜싱됨: 같은 transactional.id(" + transactionalId + ")로 다른 프로듀서가 시작해 이 프로듀서를 "
                        + "대신합니다. 종료합니다",
                "Fenced: another producer started with the same transactional.id (" + transactionalId
                        + ") and takes over from this one. Exiting");
    }

    public String noAnswer(Duration waited) {
        return pick("브로커가 " + waited.toSeconds() + "초 동안 응답하지 않음",
                "no answer from the broker within " + waited.toSeconds() + " s");
    }

    public String brokerUnresolvable(String bootstrapServers) {
        return brokerUnresolvable(bootstrapServers, "--bootstrap-server");
    }

    /** {@code source}: where the address came from, e.g. {@code $KAFKA_BOOTSTRAP_SERVERS}, so the advice is right. */
    public String brokerUnresolvable(String bootstrapServers, String source) {
        return pick("브로커 주소를 찾을 수 없습니다: " + bootstrapServers + " (호스트 이름을 DNS에서 찾지 못함). "
                        + source + "를 확인하세요",
                "Cannot resolve the Kafka broker address " + bootstrapServers + " (no such host name). "
                        + "Check " + source);
    }

    public String brokerUnreachable(String bootstrapServers, Duration waited) {
        return pick("브로커에 연결할 수 없습니다: " + bootstrapServers + " (" + waited.toSeconds() + "초 동안 응답 없음). "
                        + "브로커가 실행 중인지 확인하세요: docker-compose up -d, 또는 Docker 없이 ./local-broker.sh start",
                "Cannot reach a Kafka broker at " + bootstrapServers + " (no answer within " + waited.toSeconds()
                        + " s). Check that it is running: docker-compose up -d, or without Docker ./local-broker.sh start");
    }

    /** A TCP connection opened, but in all that time no Kafka response came back: something else listens there. */
    public String notKafka(String bootstrapServers, Duration waited) {
        return notKafka(bootstrapServers, waited, "--bootstrap-server");
    }

    /** {@code source}: where the address came from (as for {@link #brokerUnresolvable(String, String)}). */
    public String notKafka(String bootstrapServers, Duration waited, String source) {
        return pick(bootstrapServers + " 주소는 응답하지만 카프카 브로커가 아닙니다 (" + waited.toSeconds()
                        + "초 동안 카프카 응답 없음). " + source + "의 포트를 확인하세요",
                bootstrapServers + " answers, but it is not a Kafka broker (no Kafka response within "
                        + waited.toSeconds() + " s). Check the port in " + source);
    }

    /**
     * A TCP connection opened, but the TLS handshake never completed: a client with {@code security.protocol}
     * {@code protocol} (SSL or SASL_SSL) on a listener without TLS, which takes the handshake for a request far
     * too large and hangs up. {@code source}: where the address came from.
     */
    public String tlsHandshakeIncomplete(String bootstrapServers, Duration waited, String protocol, String source) {
        return pick(bootstrapServers + "와(과)의 TLS 핸드셰이크가 " + waited.toSeconds() + "초 안에 끝나지 않았습니다 "
                        + "(security.protocol=" + protocol + "): 그 리스너는 TLS가 없는 PLAINTEXT일 것입니다. "
                        + "security.protocol이 브로커 리스너의 프로토콜과 맞는지, " + source + "의 포트를 확인하세요",
                "The TLS handshake with " + bootstrapServers + " did not complete within " + waited.toSeconds()
                        + " s (security.protocol=" + protocol + "): the listener there is probably PLAINTEXT, "
                        + "without TLS. Check security.protocol against the broker's listener, and the port in "
                        + source);
    }

    public String topicUnavailable(String topic, String reason) {
        return pick("토픽 " + topic + "을(를) 사용할 수 없습니다: " + reason + ". 토픽을 만드세요: ./create_topic.sh " + topic
                        + " 1 1",
                "Topic " + topic + " is not available: " + reason + ". Create it: ./create_topic.sh " + topic + " 1 1");
    }

    public String authenticationFailed(String reason) {
        return pick("인증 실패: " + reason + ". --command-config 파일의 보안 설정(사용자 이름, 비밀번호)을 확인하세요",
                "Authentication failed: " + reason
                        + ". Check the security settings (user name, password) in the --command-config file");
    }

    /**
     * A SASL client the broker's listener does not take: {@code enabled} is the listener's mechanisms (empty:
     * none, so the listener is no SASL one), or {@code null} when Kafka did not say; {@code mechanism} the client's.
     */
    public String saslMismatch(String mechanism, String enabled) {
        if (enabled == null) {
            return pick("인증 실패: 브로커의 리스너가 이 클라이언트의 SASL을 받지 않습니다 (SASL이 없는 리스너이거나 다른 메커니즘). "
                            + "security.protocol과 sasl.mechanism이 브로커 리스너와 맞는지 확인하세요",
                    "Authentication failed: the broker's listener does not take this client's SASL (a listener without "
                            + "SASL, or another mechanism). Check security.protocol and sasl.mechanism against the broker's listener");
        }
        if (enabled.isBlank()) {
            return pick("인증 실패: 브로커의 리스너가 SASL을 쓰지 않습니다 (켜진 메커니즘 없음). security.protocol이 "
                            + "브로커 리스너의 프로토콜(PLAINTEXT 또는 SSL)과 맞는지 확인하세요",
                    "Authentication failed: the broker's listener does not use SASL (no mechanism enabled). Check "
                            + "security.protocol against the broker's listener (PLAINTEXT or SSL)");
        }
        return pick("인증 실패: 브로커의 리스너가 이 sasl.mechanism(" + mechanism + ")을 켜지 않았습니다 (켜진 메커니즘: "
                        + enabled + "). sasl.mechanism을 그중 하나로 바꾸세요",
                "Authentication failed: the broker's listener does not enable this sasl.mechanism (" + mechanism
                        + "; enabled there: " + enabled + "). Set sasl.mechanism to one of them");
    }

    public String notAuthorized(String reason) {
        return pick("권한 없음: " + reason + ". 이 사용자에게 토픽(과 그룹)에 대한 권한(ACL)이 있는지 확인하세요",
                "Not authorized: " + reason + ". Check that this user has ACLs for the topic (and the group)");
    }

    /** Backslash-escapes control characters, so a foreign value can never garble the terminal. */
    public static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) ? String.format("\\x%02x", (int) c) : null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
