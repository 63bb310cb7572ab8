package io.microplatform.shipping.simulated;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedCarrierControllerTest {

    @Test
    void answersTheSameKeyWithTheSameTrackingNumberAndAnotherKeyWithAnother() {
        SimulatedCarrierController carrier = new SimulatedCarrierController();

        String first = carrier.book(booking(), "booking-1").trackingNumber();

        assertThat(carrier.book(booking(), "booking-1").trackingNumber()).isEqualTo(first);
        assertThat(carrier.book(booking(), "booking-2").trackingNumber()).isNotEqualTo(first);
    }

    @Test
    void remembersNoMoreThanItsCapacityAndKeepsTheLatestKeys() {
        SimulatedCarrierController carrier = new SimulatedCarrierController(3);
        String latest = IntStream.range(0, 50).mapToObj(i -> carrier.book(booking(), "booking-" + i).trackingNumber())
                .reduce((previous, next) -> next).orElseThrow();

        assertThat(carrier.remembered()).isEqualTo(3);
        assertThat(carrier.book(booking(), "booking-49").trackingNumber()).isEqualTo(latest);
        assertThat(carrier.remembered()).isEqualTo(3);
    }

    @Test
    void keepsTenThousandBookingsByDefault() {
        SimulatedCarrierController carrier = new SimulatedCarrierController();

        IntStream.range(0, SimulatedCarrierController.REMEMBERED + 500)
                .forEach(i -> carrier.book(booking(), "booking-" + i));

        assertThat(carrier.remembered()).isEqualTo(SimulatedCarrierController.REMEMBERED);
    }

    private static SimulatedCarrierController.BookingRequest booking() {
        return new SimulatedCarrierController.BookingRequest(UUID.randomUUID(), "10115", "DE");
    }
}
