package dev.kafkatutorial.useractivity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The JSON API under {@code /api/}: the page's figures, each request answered from Kafka at that moment.
 *
 * <pre>
 * GET /api/page              the page's language, the topic it opens on, the broker, how often it refreshes
 * GET /api/topics            every topic: name, partitions, replication factor
 * GET /api/topics/{topic}    its partitions: log start and end offsets, leader, replicas, ISR
 * GET /api/groups            every group of every kind: type, state
 * GET /api/groups/{group}    type, state, epochs, members and their partitions, committed offset, log end and
 *                            lag per partition, and the rebalance timeline
 * </pre>
 *
 * A failure is a JSON object too: {@code {"error": "not_found", "reason": "..."}} with 404 for an unknown topic or
 * group, 503 while the broker does not answer (see {@link ApiError}).
 */
final class Api implements HttpHandler {

    /** What the page needs to know before its first figure. */
    record PageSettings(String lang, String topic, String bootstrapServers, long refreshMs) {
    }

    /** What a request without figures gets instead. */
    record Failure(String error, String reason) {
    }

    private static final ObjectWriter JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).writer();

    private final PageSettings page;
    private final TopicFigures topics;
    private final GroupFigures groups;
    private final WebLines lines;
    private final Duration wait;

    Api(PageSettings page, TopicFigures topics, GroupFigures groups, WebLines lines, Duration wait) {
        this.page = page;
        this.topics = topics;
        this.groups = groups;
        this.lines = lines;
        this.wait = wait;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!Http.allowOnlyGet(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            int status = 200;
            Object body;
            try {
                body = answer(path);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt(); // the server is stopping
                }
                ApiError error = ApiError.of(e, lines, page.bootstrapServers(), wait);
                status = error.status();
                body = new Failure(error.error(), error.getMessage());
            }
            Http.send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
        }
    }

    private Object answer(String path) throws Exception {
        if (path.equals("/api/page")) {
            return page;
        }
        if (path.equals("/api/topics")) {
            return Map.of("topics", topics.topics());
        }
        if (path.equals("/api/groups")) {
            return Map.of("groups", groups.groups());
        }
        String topic = name(path, "/api/topics/");
        if (topic != null) {
            return topics.topic(topic);
        }
        String group = name(path, "/api/groups/");
        if (group != null) {
            return groups.group(group);
        }
        throw ApiError.notFound(lines.notFound(path));
    }

    /**
     * The topic or group name after {@code prefix}, percent-decoded: a group id may hold any character, a slash
     * too ({@code %2F}). A {@code +} stays a plus, as in a path it is one.
     */
    static String name(String rawPath, String prefix) {
        if (!rawPath.startsWith(prefix) || rawPath.length() == prefix.length()) {
            return null;
        }
        String raw = rawPath.substring(prefix.length());
        if (raw.contains("/")) {
            return null;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null; // "%zz": no name, no such address
        }
    }
}
