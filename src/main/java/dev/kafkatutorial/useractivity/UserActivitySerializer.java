package dev.kafkatutorial.useractivity;

/**
 * The producer's value serializer: a {@link JsonSerializer} for {@link UserActivity}, in Python's
 * {@code json.dumps} layout: {@code {"user_id": 123, "action": "login", "timestamp": 1646092800.123}}.
 *
 * <p>Jackson does all the writing, with one writer made once for the type (so its serializer is looked up
 * once, not per event) that writes each event straight to a byte array. The record's annotations give the field
 * names, their order, and the timestamp as Python writes a float ({@link UserActivity#pythonFloat}).
 * Kafka creates it by class name ({@code value.serializer}), so it needs no configuration.
 */
public final class UserActivitySerializer extends JsonSerializer<UserActivity> {

    public UserActivitySerializer() {
        super(UserActivity.class);
    }
}
