package dev.kafkatutorial.useractivity;

/**
 * The consumer's value deserializer: a {@link JsonDeserializer} for {@link UserActivity}. It reads what every
 * producer of this tutorial writes (Python's {@code json.dumps} and {@link UserActivitySerializer}), and rejects
 * anything else strictly, with Jackson's reason in one line (see {@link JsonDeserializer}).
 *
 * <p>Jackson does all the reading, with one reader made once for the type and reused for every record, straight
 * from the record's bytes. Kafka creates it by class name ({@code value.deserializer}); the type is fixed, so
 * {@value JsonDeserializer#VALUE_TYPE_CONFIG} is not needed.
 */
public final class UserActivityDeserializer extends JsonDeserializer<UserActivity> {

    public UserActivityDeserializer() {
        super(UserActivity.class);
    }
}
