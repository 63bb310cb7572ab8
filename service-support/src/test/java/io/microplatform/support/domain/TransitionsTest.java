package io.microplatform.support.domain;

import org.junit.jupiter.api.Test;

import io.microplatform.testsupport.StateMachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TransitionsTest {

    /** A door that opens and closes until it is bricked up; a bricked door stays as it is. */
    enum Door implements Status<Door> {
        CLOSED,
        OPEN,
        BRICKED;

        private static final Transitions<Door> LEGAL = Transitions.of(Door.class)
                .from(CLOSED).to(OPEN, BRICKED)
                .from(OPEN).to(CLOSED);

        @Override
        public Transitions<Door> transitions() {
            return LEGAL;
        }
    }

    @Test
    void allowsWhatTheTableListsAndNothingElseStayingInAStateIncluded() {
        assertThat(StateMachines.legalTransitions(Door.class, Door::canMoveTo, Door::moveTo))
                .containsExactly("CLOSED->OPEN", "CLOSED->BRICKED", "OPEN->CLOSED");
    }

    @Test
    void movingReturnsTheNextStateAndRefusingNamesTheEnum() {
        assertThat(Door.CLOSED.moveTo(Door.OPEN)).isEqualTo(Door.OPEN);
        assertThatIllegalStateException().isThrownBy(() -> Door.BRICKED.moveTo(Door.OPEN))
                .withMessage("Door cannot go from BRICKED to OPEN");
    }

    @Test
    void aStateWithoutARowIsFinal() {
        assertThat(Door.LEGAL.isFinal(Door.BRICKED)).isTrue();
        assertThat(Door.LEGAL.isFinal(Door.OPEN)).isFalse();
    }

    @Test
    void addingARowLeavesTheTableItWasAddedToAsItWas() {
        Transitions<Door> empty = Transitions.of(Door.class);
        Transitions<Door> withRow = empty.from(Door.OPEN).to(Door.CLOSED);

        assertThat(empty.allows(Door.OPEN, Door.CLOSED)).isFalse();
        assertThat(withRow.allows(Door.OPEN, Door.CLOSED)).isTrue();
    }
}
