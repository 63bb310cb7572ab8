package io.microplatform.support.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderIdMdcTest {

    private static final String ID = "8e4db874-7bd7-4b08-b3c3-2e237b5d62e4";

    @Test
    void takesTheOrderIdFromOrderAndSagaPathsOrTheParameter() {
        assertThat(OrderIdMdc.fromRequest("/api/orders/" + ID, null)).isEqualTo(ID);
        assertThat(OrderIdMdc.fromRequest("/api/orders/" + ID + "/approval", null)).isEqualTo(ID);
        assertThat(OrderIdMdc.fromRequest("/api/sagas/" + ID, null)).isEqualTo(ID);
        assertThat(OrderIdMdc.fromRequest("/api/payments", ID)).isEqualTo(ID);
    }

    @Test
    void ignoresWhatIsNoOrderId() {
        assertThat(OrderIdMdc.fromRequest("/api/orders", null)).isNull();
        assertThat(OrderIdMdc.fromRequest("/api/orders/not-an-id", null)).isNull();
        assertThat(OrderIdMdc.fromRequest("/api/inventory/items/" + ID, null)).isNull();
        assertThat(OrderIdMdc.fromRequest("/api/payments", "x\nforged line")).isNull();
    }
}
