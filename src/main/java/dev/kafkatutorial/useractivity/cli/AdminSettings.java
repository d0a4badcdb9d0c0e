package dev.kafkatutorial.useractivity.cli;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** An Admin client's configuration (the doctor, the producer's --explain): the programs' address and security. */
public final class AdminSettings extends ClientSettings {

    private final String clientId;

    public AdminSettings(ClientOptions client, String clientId) {
        super(client);
        this.clientId = clientId;
    }

    @Override
    protected Map<String, Object> defaults() {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        // Give up on a request after BROKER_WAIT, not Kafka's 60 s: an answer that never comes tells nothing. Both,
        // or the Admin client refuses to start: the API timeout may not be shorter than a request's.
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_WAIT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BROKER_WAIT.toMillis());
        config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
        return config;
    }
}
