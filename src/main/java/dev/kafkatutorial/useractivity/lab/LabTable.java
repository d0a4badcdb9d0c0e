package dev.kafkatutorial.useractivity.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kafkatutorial.useractivity.JsonMapperHolder;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A lab's result: a text table with aligned columns (the default), or with {@code --output json} one JSON object
 * per row, its columns as fields, for jq. A missing figure is empty in the table and null in JSON.
 */
final class LabTable {

    /** How the rows are printed. */
    enum Format { text, json }

    private final Format format;
    private final PrintStream out;
    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    LabTable(Format format, PrintStream out, List<String> columns) {
        this.format = format;
        this.out = out;
        this.columns = columns;
    }

    void row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        rows.add(java.util.Arrays.asList(values));
    }

    void print() {
        if (format == Format.json) {
            for (List<Object> row : rows) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    object.put(columns.get(i), row.get(i));
                }
                try {
                    out.println(JsonMapperHolder.MAPPER.writeValueAsString(object));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            return;
        }
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (List<Object> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], text(row.get(i)).length());
            }
        }
        out.println(line(new ArrayList<>(columns), widths));
        for (List<Object> row : rows) {
            out.println(line(row, widths));
        }
        out.flush();
    }

    private static String line(List<?> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = text(values.get(i));
            boolean number = values.get(i) instanceof Number;
            line.append(i == 0 ? "" : "  ").append(number ? " ".repeat(widths[i] - value.length()) + value
                    : value + " ".repeat(widths[i] - value.length()));
        }
        return line.toString().stripTrailing();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** A lab makes its own topics: --topic would be silently ignored, so it is refused. */
    static void refuseTopic(CommandSpec spec) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--topic")) {
            throw new IllegalArgumentException("a lab makes (and deletes) its own topics: drop --topic");
        }
    }
}
