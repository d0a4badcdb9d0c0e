package dev.kafkatutorial.useractivity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void findsEveryActionByItsWireNameAndNothingElse() {
        for (Action action : Action.values()) {
            assertThat(Action.byWireName(action.wireName())).isEqualTo(action);
            assertThat(Action.fromWireName(action.wireName())).contains(action);
        }
        assertThat(Action.byWireName("dance")).isNull();
        assertThat(Action.byWireName("LOGIN")).isNull();
        assertThat(Action.fromWireName("dance")).isEmpty();
    }
}
