package io.microplatform.shipping.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.testsupport.StateMachines;
import org.junit.jupiter.api.Test;

class ShipmentStatusTest {

    @Test
    void onlyACreatedShipmentIsCancelledAndEveryOtherTransitionThrows() {
        assertThat(StateMachines.legalTransitions(ShipmentStatus.class, ShipmentStatus::canMoveTo,
                ShipmentStatus::moveTo)).containsExactly("CREATED->CANCELLED");
    }
}
