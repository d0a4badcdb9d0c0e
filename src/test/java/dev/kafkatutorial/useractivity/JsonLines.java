package dev.kafkatutorial.useractivity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** A program's {@code --output json} lines, parsed; a line that is not JSON fails the test, naming it. */
final class JsonLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    static List<JsonNode> parse(String out) {
        return out.lines().map(JsonLines::parseLine).toList();
    }

    static JsonNode parseLine(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
