package dev.kafkatutorial.useractivity.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkatutorial.useractivity.JsonMapperHolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link RebalanceMember} process as the lab sees it: started with this JVM's classpath, its client settings
 * on stdin, its JSON lines read on a thread of its own into what it owns now, when each change happened, and
 * which event ids it read.
 */
final class LabMemberProcess {

    /** One assignment, revocation or loss, as the member reported it. */
    record Change(String member, String event, long at, List<Integer> partitions, int generation) { }

    private final String name;
    private final Process process;
    private final TreeSet<Integer> owned = new TreeSet<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private volatile boolean killed;

    private LabMemberProcess(String name, Process process, Consumer<Change> onChange) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> read(onChange), "lab-member-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static LabMemberProcess start(String name, String topic, String group, String mode, int sessionMs,
                                  Map<String, Object> client, boolean verbose, Consumer<Change> onChange)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-Xss512k",
                RebalanceMember.class.getName(), topic, group, mode, String.valueOf(sessionMs));
        builder.redirectError(verbose ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        Properties properties = new Properties();
        client.forEach((k, v) -> properties.setProperty(k, v instanceof Class<?> c ? c.getName() : String.valueOf(v)));
        try (OutputStream in = process.getOutputStream()) {
            properties.store(in, null);
        }
        return new LabMemberProcess(name, process, onChange);
    }

    private void read(Consumer<Change> onChange) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode node = JsonMapperHolder.MAPPER.readTree(line);
                String event = node.get("event").asText();
                if (event.equals("read")) {
                    synchronized (this) {
                        node.get("ids").forEach(id -> ids.add(id.asText()));
                    }
                    continue;
                }
                List<Integer> partitions = new ArrayList<>();
                node.get("partitions").forEach(p -> partitions.add(p.asInt()));
                Change change = new Change(name, event, node.get("at").asLong(), partitions, node.get("generation").asInt());
                synchronized (this) {
                    if (event.equals("assigned")) {
                        owned.addAll(partitions);
                    } else if (!event.equals("started")) {
                        owned.removeAll(partitions);
                    }
                    changes.add(change);
                }
                onChange.accept(change);
            }
        } catch (IOException e) {
            // the process is gone (killed, or stopped): what it said until then stays
        }
    }

    String name() {
        return name;
    }

    synchronized TreeSet<Integer> owned() {
        return new TreeSet<>(owned);
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    synchronized List<String> ids() {
        return List.copyOf(ids);
    }

    boolean killed() {
        return killed;
    }

    /** kill -9: no leave, no last commit; the group learns of it when the member's session runs out. */
    void kill() throws InterruptedException {
        killed = true;
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM: the member closes its consumer and leaves the group. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
