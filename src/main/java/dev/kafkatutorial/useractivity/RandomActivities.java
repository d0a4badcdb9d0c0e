package dev.kafkatutorial.useractivity;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Random events like the tutorial's {@code producer_example.py} makes: a user id from 1 to 1000, any action,
 * and for a payment an amount of 100 to 10,000 won in steps of 100. With a seed the ids, actions and
 * amounts repeat exactly from run to run; the timestamp is always the clock's.
 */
public final class RandomActivities implements Supplier<UserActivity> {

    private static final Action[] ACTIONS = Action.values();

    private final RandomGenerator random;
    private final Clock clock;

    public RandomActivities(RandomGenerator random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    @Override
    public UserActivity get() {
        long userId = 1 + random.nextInt(1000);
        Action action = ACTIONS[random.nextInt(ACTIONS.length)];
        Long amount = action == Action.PAYMENT ? 100L * (1 + random.nextInt(100)) : null;
        return UserActivity.of(userId, action, clock.millis() / 1000.0, amount);
    }
}
