package io.microplatform.shipping.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.shipping.domain.ShipmentOutcome.Created;
import io.microplatform.shipping.domain.ShipmentOutcome.Failed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShipmentTest {

    private static final Address BERLIN = new Address("Ada", "1 Main St", "Berlin", "10115", "DE");
    private static final Optional<Destination> GERMANY = Optional.of(new Destination("DE", "Germany", new BigDecimal("4.99")));

    private final UUID orderId = UUID.randomUUID();

    @Test
    void hasNoObjectionToACompleteAddressInAShippedToCountry() {
        assertThat(Shipment.refusal(BERLIN, GERMANY)).isEmpty();
    }

    @Test
    void refusesPostalCode00000() {
        Address nowhere = new Address("Ada", "1 Main St", "Berlin", "00000", "DE");

        assertThat(Shipment.refusal(nowhere, GERMANY)).contains("postal code 00000 is undeliverable");
    }

    @Test
    void refusesACountryWithoutDestination() {
        Address atlantis = new Address("Ada", "1 Main St", "Atlantis", "12345", "XX");

        assertThat(Shipment.refusal(atlantis, Optional.empty())).contains("shipping to country XX is not supported");
    }

    @Test
    void refusesAnIncompleteAddress() {
        assertThat(Shipment.refusal(new Address("Ada", " ", "Berlin", "10115", "DE"), GERMANY)).isPresent();
        assertThat(Shipment.refusal(null, Optional.empty())).isPresent();
    }

    @Test
    void cancelsOnceAndStillAnswersCreatedToALateReSend() {
        Shipment shipment = Shipment.create(orderId, BERLIN);

        assertThat(shipment.cancel()).isTrue();
        assertThat(shipment.cancel()).isFalse();

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(shipment.wasCreated()).isTrue();
        assertThat(shipment.outcome()).isEqualTo(new Created());
        assertThat(shipment.answeredCreateShipment()).isTrue();
        assertThat(shipment.answeredCancelShipment()).isTrue();
    }

    @Test
    void aRefusalAnswersEveryLaterCreateShipmentWithItsReasonAndHasNothingToCancel() {
        Shipment refused = Shipment.refused(orderId, "the carrier refused the shipment");

        assertThat(refused.outcome()).isEqualTo(new Failed("the carrier refused the shipment"));
        assertThat(refused.wasCreated()).isFalse();
        assertThat(refused.cancel()).isFalse();
        assertThat(refused.status()).isEqualTo(ShipmentStatus.REFUSED);
        assertThat(refused.outcome()).isEqualTo(new Failed("the carrier refused the shipment"));
    }

    @Test
    void aCancelBeforeTheShipmentRefusesItLater() {
        Shipment tombstone = Shipment.cancelledBeforeCreated(orderId);

        assertThat(tombstone.status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(tombstone.wasCreated()).isFalse();
        assertThat(tombstone.outcome()).isInstanceOf(Failed.class);
        assertThat(tombstone.answeredCreateShipment()).isFalse();
        assertThat(tombstone.answeredCancelShipment()).isTrue();
    }
}
