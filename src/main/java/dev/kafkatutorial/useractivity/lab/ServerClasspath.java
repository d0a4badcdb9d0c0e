package dev.kafkatutorial.useractivity.lab;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of a {@link KafkaNode} process: this program's own (the runnable jar, or the build's classes)
 * and Kafka's broker jars, which the jar leaves out. The build lists those, in Maven's repository, in
 * {@code kafka-server.classpath} beside the jar ({@code target/}).
 */
final class ServerClasspath {

    static final String FILE = "kafka-server.classpath";

    private ServerClasspath() {
    }

    static String of(LabLines lines) throws LabException {
        Path file = listing();
        if (!Files.isRegularFile(file)) {
            throw new LabException(lines.noServerClasspath(file));
        }
        String server;
        try {
            server = Files.readString(file).trim();
        } catch (IOException e) {
            throw new LabException(lines.noServerClasspath(file));
        }
        for (String jar : server.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(jar))) {
                throw new LabException(lines.serverJarMissing(jar));
            }
        }
        return System.getProperty("java.class.path") + File.pathSeparator + server;
    }

    /** {@code target/kafka-server.classpath}, next to {@code target/user-activity-kafka.jar} or {@code target/classes}. */
    static Path listing() {
        try {
            Path own = Path.of(KafkaNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return own.toAbsolutePath().getParent().resolve(FILE);
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("target", FILE).toAbsolutePath();
        }
    }
}
