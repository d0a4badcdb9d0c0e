package dev.kafkatutorial.useractivity.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: this project's version and the Kafka version it is built and tested with. */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/user-activity-kafka.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"user-activity-kafka " + p.getProperty("version", "unknown")
                + " (Kafka " + p.getProperty("kafka.version", "unknown") + ")"};
    }
}
