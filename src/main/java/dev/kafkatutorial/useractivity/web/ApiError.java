package dev.kafkatutorial.useractivity.web;

import dev.kafkatutorial.useractivity.cli.Cli;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * An API answer without figures: its HTTP status, a word for scripts ({@code error}) and a line for people
 * ({@code reason}, in the page's language). Built from what went wrong, never from the client's configuration,
 * so nothing of {@code --command-config} (a password) can reach a response.
 */
final class ApiError extends Exception {

    private final int status;
    private final String error;

    ApiError(int status, String error, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiError notFound(String reason) {
        return new ApiError(404, "not_found", reason);
    }

    /**
     * What a failed Admin call means to the page. No answer (the broker is down, or a wrong address): 503, and
     * the page retries until the broker is back. A refused login is also 503: no figures until the settings are
     * fixed. A missing ACL is 403. Anything else Kafka says is passed on in one line.
     */
    static ApiError of(Exception failure, WebLines lines, String bootstrapServers, java.time.Duration waited) {
        if (failure instanceof ApiError api) {
            return api;
        }
        // Listing groups asks every broker, and says it could not find them with the timeout as its cause.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return new ApiError(503, "broker_unreachable", lines.brokerUnreachable(bootstrapServers, waited));
            }
        }
        if (failure instanceof AuthenticationException) {
            // Kafka's own message starts with the same words the line does.
            String reason = Cli.oneLine(failure).replaceFirst("^Authentication failed: ", "");
            return new ApiError(503, "authentication_failed", lines.authenticationFailed(reason));
        }
        if (failure instanceof AuthorizationException) {
            return new ApiError(403, "not_authorized", lines.notAuthorized(Cli.oneLine(failure)));
        }
        if (failure instanceof UnsupportedVersionException) {
            return new ApiError(501, "unsupported", lines.kafkaError(Cli.oneLine(failure)));
        }
        return new ApiError(502, "kafka_error", lines.kafkaError(Cli.oneLine(failure)));
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
