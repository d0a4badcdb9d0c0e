package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The options both programs share, named like Kafka's own command-line tools. */
public final class ClientOptions implements Cli.Validated {

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    private static final String BOOTSTRAP_PROPERTY = "bootstrap.servers";

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", converter = Converters.BootstrapServers.class,
            description = "Kafka broker(s) to connect to, comma-separated. Default: bootstrap.servers from "
                    + "--property/--command-config, else $" + BOOTSTRAP_ENV + ", else " + DEFAULT_BOOTSTRAP_SERVERS)
    String bootstrapServer;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "user_activity",
            description = "Topic to use. Default: ${DEFAULT-VALUE}")
    String topic;

    @Option(names = "--command-config", paramLabel = "FILE", converter = Converters.PropertiesFile.class,
            description = "Client properties file (security settings, tuning), as Kafka's tools take it")
    Converters.ConfigFile commandConfig;

    @Option(names = "--property", paramLabel = "KEY=VALUE", converter = Converters.KeyValue.class,
            description = "A client property; repeatable; wins over --command-config")
    List<Map.Entry<String, String>> properties = new ArrayList<>();

    @Option(names = "--lang", paramLabel = "ko|en", defaultValue = "ko",
            description = "Language of the printed lines: ko (the tutorial's) or en. Default: ${DEFAULT-VALUE}")
    Language language;

    @Option(names = "--verbose", description = "Show the Kafka client's INFO logs")
    boolean verbose;

    /** The process's environment; a test can give another. */
    Function<String, String> environment = System::getenv;

    /** An address from a property or the environment is checked as --bootstrap-server is, naming its source. */
    @Override
    public void validate() {
        if (bootstrapServer == null) {
            String problem = Converters.bootstrapProblem(bootstrapServers());
            if (problem != null) {
                throw new IllegalArgumentException(bootstrapSource() + ": " + problem);
            }
        }
    }

    public String topic() {
        return topic;
    }

    public Language language() {
        return language;
    }

    public boolean verbose() {
        return verbose;
    }

    /**
     * The broker address: {@code --bootstrap-server}, else {@code bootstrap.servers} from the user's properties
     * (a cloud provider's client.properties carries it), else the environment, else {@code localhost:9092}.
     */
    public String bootstrapServers() {
        if (bootstrapServer != null) {
            return bootstrapServer;
        }
        Object fromProperties = userProperties().get(BOOTSTRAP_PROPERTY);
        if (fromProperties != null) {
            return fromProperties.toString();
        }
        String fromEnvironment = environment.apply(BOOTSTRAP_ENV);
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_BOOTSTRAP_SERVERS : fromEnvironment;
    }

    /**
     * Where {@link #bootstrapServers()} came from, for advice such as "check ...": the option, a property, the
     * file, or the environment variable. With none of them it is the option to give.
     */
    public String bootstrapSource() {
        if (bootstrapServer != null) {
            return "--bootstrap-server";
        }
        if (properties.stream().anyMatch(entry -> entry.getKey().equals(BOOTSTRAP_PROPERTY))) {
            return "--property " + BOOTSTRAP_PROPERTY;
        }
        if (commandConfig != null && commandConfig.properties().getProperty(BOOTSTRAP_PROPERTY) != null) {
            return BOOTSTRAP_PROPERTY + " in " + commandConfig.path() + " (--command-config)";
        }
        String fromEnvironment = environment.apply(BOOTSTRAP_ENV);
        return fromEnvironment == null || fromEnvironment.isBlank() ? "--bootstrap-server" : "$" + BOOTSTRAP_ENV;
    }

    /** The user's client properties: {@code --command-config}, then each {@code --property} over it. */
    public Map<String, Object> userProperties() {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (commandConfig != null) {
            Properties file = commandConfig.properties();
            file.stringPropertyNames().forEach(name -> merged.put(name, file.getProperty(name)));
        }
        properties.forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        return merged;
    }
}
