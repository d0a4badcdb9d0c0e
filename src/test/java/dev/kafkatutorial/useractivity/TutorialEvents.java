package dev.kafkatutorial.useractivity;

/** The tutorial's two sample events, as its printed lines show them (../shared/tutorial-ko.md, Steps 3.3 and 4.4). */
public final class TutorialEvents {

    public static final UserActivity LOGIN_123 = UserActivity.of(123, Action.LOGIN, 1646092800.0, null);
    public static final UserActivity PAYMENT_456 = UserActivity.of(456, Action.PAYMENT, 1646092800.0, 500L);

    private TutorialEvents() {
    }
}
