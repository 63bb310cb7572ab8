package io.microplatform.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.testsupport.StateMachines;
import org.junit.jupiter.api.Test;

class ReservationStatusTest {

    @Test
    void onlyAReservationIsReleasedAndEveryOtherTransitionThrows() {
        assertThat(StateMachines.legalTransitions(ReservationStatus.class, ReservationStatus::canMoveTo,
                ReservationStatus::moveTo)).containsExactly("RESERVED->RELEASED");
    }
}
