package dev.kafkatutorial.useractivity.cli;

import dev.kafkatutorial.useractivity.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options both programs share, named like Kafka's own command-line tools. */
public final class ClientOptions implements Cli.Validated {

    static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    private static final String BOOTSTRAP_PROPERTY = "bootstrap.servers";

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", converter = AddressConverters.BootstrapServers.class,
            description = "Kafka broker(s) to connect to, comma-separated. Default: bootstrap.servers from "
                    + "--command-property/--command-config, else $" + BOOTSTRAP_ENV + ", else " + DEFAULT_BOOTSTRAP_SERVERS)
    String bootstrapServer;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "user_activity", converter = NameConverters.TopicName.class,
            description = "Topic to use. Default: ${DEFAULT-VALUE}")
    String topic;

    @Option(names = "--command-config", paramLabel = "FILE", converter = PropertyConverters.PropertiesFile.class,
            description = "Client properties file (security settings, tuning), as Kafka's tools take it")
    PropertyConverters.ConfigFile commandConfig;

    // Kafka's tools name this --command-property (KIP-1147); --property stays for existing scripts. (In Kafka's
    // console tools --property means formatter settings, so the new name is the one to teach.)
    @Option(names = {"--command-property", "--property"}, paramLabel = "KEY=VALUE", converter = PropertyConverters.KeyValue.class,
            description = "A client property; repeatable; wins over --command-config and --producer-property/"
                    + "--consumer-property (--property is an alias kept for existing scripts)")
    List<Map.Entry<String, String>> properties = new ArrayList<>();

    /** The program's own --producer-property or --consumer-property (its name, and its values read after parsing). */
    private final String programPropertyOption;
    private final Supplier<List<Map.Entry<String, String>>> programProperties;

    /** The program's options that a client property also sets: {@link #sameAs}. */
    private final PropertyOptions propertyOptions = new PropertyOptions();

    /** The command these options are mixed into: its options are the ones {@link #sameAs} names. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    /** For a program without properties of its own. */
    public ClientOptions() {
        this(null, List::of);
    }

    /**
     * {@code programPropertyOption}: the program's own {@code --producer-property} or {@code --consumer-property},
     * whose values {@code programProperties} gives after parsing.
     */
    public ClientOptions(String programPropertyOption, Supplier<List<Map.Entry<String, String>>> programProperties) {
        this.programPropertyOption = programPropertyOption;
        this.programProperties = programProperties;
    }

    /**
     * Makes the client property {@code property} and the program's {@code option} one setting, as
     * kafka-console-consumer does for {@code group.id} and {@code --group}: see {@link PropertyOptions}.
     */
    public ClientOptions sameAs(String property, String option) {
        propertyOptions.add(property, option, false);
        return this;
    }

    /** As {@link #sameAs}, for a flag that means the property's {@code false}: {@code --manual-commit} is {@code enable.auto.commit=false}. */
    public ClientOptions sameAsFalse(String property, String flag) {
        propertyOptions.add(property, flag, true);
        return this;
    }

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
        propertyOptions.reconcile(mixee, this::propertySources);
        if (bootstrapServer == null) {
            String problem = AddressConverters.bootstrapProblem(bootstrapServers());
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
            return "--property " + BOOTSTRAP_PROPERTY; // or its new name, --command-property
        }
        if (programProperties.get().stream().anyMatch(entry -> entry.getKey().equals(BOOTSTRAP_PROPERTY))) {
            return programPropertyOption + " " + BOOTSTRAP_PROPERTY;
        }
        if (commandConfig != null && commandConfig.properties().getProperty(BOOTSTRAP_PROPERTY) != null) {
            return BOOTSTRAP_PROPERTY + " in " + commandConfig.path() + " (--command-config)";
        }
        String fromEnvironment = environment.apply(BOOTSTRAP_ENV);
        return fromEnvironment == null || fromEnvironment.isBlank() ? "--bootstrap-server" : "$" + BOOTSTRAP_ENV;
    }


    /**
     * The user's client properties: {@code --command-config}, then the program's {@code --producer-property}
     * or {@code --consumer-property} over it, then each {@code --command-property} (alias {@code --property}).
     */
    public Map<String, Object> userProperties() {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (commandConfig != null) {
            Properties file = commandConfig.properties();
            file.stringPropertyNames().forEach(name -> merged.put(name, file.getProperty(name)));
        }
        programProperties.get().forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        properties.forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
        return merged;
    }

    /**
     * Where {@code option}'s value came from when it was a client property ({@link #sameAs}), as the user wrote
     * it, e.g. {@code group.id=G7 (--consumer-property)}; {@code null} when it did not.
     */
    public String fromProperty(String option) {
        return propertyOptions.fromProperty(option);
    }

    /** Each place {@code property} is given, lowest precedence first, as (where, value). */
    private List<Map.Entry<String, String>> propertySources(String property) {
        List<Map.Entry<String, String>> sources = new ArrayList<>();
        if (commandConfig != null && commandConfig.properties().getProperty(property) != null) {
            sources.add(Map.entry("--command-config " + commandConfig.path(), commandConfig.properties().getProperty(property)));
        }
        programProperties.get().stream().filter(entry -> entry.getKey().equals(property))
                .forEach(entry -> sources.add(Map.entry(programPropertyOption, entry.getValue())));
        properties.stream().filter(entry -> entry.getKey().equals(property))
                .forEach(entry -> sources.add(Map.entry("--command-property", entry.getValue())));
        return sources;
    }
}
