package dev.kafkatutorial.useractivity;

import java.util.Optional;

/** The actions this version generates and describes, each with its wire name and emoji. */
public enum Action {
    LOGIN("login", "🟢"),
    LOGOUT("logout", "🔴"),
    PAGE_VIEW("page_view", "👀"),
    ADD_TO_CART("add_to_cart", "🛒"),
    PAYMENT("payment", "💰"),
    SEARCH("search", "🔍");

    /** Shown for an action another producer sent that this version does not know. */
    public static final String UNKNOWN_EMOJI = "❔";

    private final String wireName;
    private final String emoji;

    Action(String wireName, String emoji) {
        this.wireName = wireName;
        this.emoji = emoji;
    }

    public String wireName() {
        return wireName;
    }

    public String emoji() {
        return emoji;
    }

    /** The action with this wire name, if this version knows it. */
    public static Optional<Action> fromWireName(String wireName) {
        return Optional.ofNullable(byWireName(wireName));
    }

    /** As {@link #fromWireName}, null if unknown: the consumer asks once per event it prints. */
    public static Action byWireName(String wireName) {
        return switch (wireName) {
            case "login" -> LOGIN;
            case "logout" -> LOGOUT;
            case "page_view" -> PAGE_VIEW;
            case "add_to_cart" -> ADD_TO_CART;
            case "payment" -> PAYMENT;
            case "search" -> SEARCH;
            default -> null;
        };
    }
}
