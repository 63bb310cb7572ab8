package io.microplatform.payment.simulated;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedPaymentProviderControllerTest {

    @Test
    void answersTheSameKeyWithTheSameAuthorizationAndAnotherKeyWithAnother() {
        SimulatedPaymentProviderController provider = new SimulatedPaymentProviderController();

        String first = provider.charge(charge(), "charge-1").authorizationId();

        assertThat(provider.charge(charge(), "charge-1").authorizationId()).isEqualTo(first);
        assertThat(provider.charge(charge(), "charge-2").authorizationId()).isNotEqualTo(first);
    }

    @Test
    void remembersNoMoreThanItsCapacityAndKeepsTheLatestKeys() {
        SimulatedPaymentProviderController provider = new SimulatedPaymentProviderController(3);
        String latest = IntStream.range(0, 50).mapToObj(i -> provider.charge(charge(), "charge-" + i).authorizationId())
                .reduce((previous, next) -> next).orElseThrow();

        assertThat(provider.remembered()).isEqualTo(3);
        assertThat(provider.charge(charge(), "charge-49").authorizationId()).isEqualTo(latest);
        assertThat(provider.remembered()).isEqualTo(3);
    }

    @Test
    void keepsTenThousandAuthorizationsByDefault() {
        SimulatedPaymentProviderController provider = new SimulatedPaymentProviderController();

        IntStream.range(0, SimulatedPaymentProviderController.REMEMBERED + 500)
                .forEach(i -> provider.charge(charge(), "charge-" + i));

        assertThat(provider.remembered()).isEqualTo(SimulatedPaymentProviderController.REMEMBERED);
    }

    private static SimulatedPaymentProviderController.ChargeRequest charge() {
        return new SimulatedPaymentProviderController.ChargeRequest(UUID.randomUUID(), "alice",
                new BigDecimal("10.00"));
    }
}
