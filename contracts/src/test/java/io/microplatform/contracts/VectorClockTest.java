package io.microplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.microplatform.contracts.VectorClock.Causality;
import org.junit.jupiter.api.Test;

class VectorClockTest {

    @Test
    void writesEntriesSortedByServiceAndReadsThemBack() {
        VectorClock clock = VectorClock.EMPTY.tick("saga-orchestrator").tick("order-service").tick("saga-orchestrator");

        assertThat(clock).hasToString("order-service=1,saga-orchestrator=2");
        assertThat(VectorClock.parse(clock.toString())).isEqualTo(clock);
        assertThat(VectorClock.parse("")).isEqualTo(VectorClock.EMPTY);
        assertThat(VectorClock.parse("a=0,b=2")).isEqualTo(VectorClock.parse("b=2"));
    }

    @Test
    void refusesTextThatIsNoClock() {
        assertThatIllegalArgumentException().isThrownBy(() -> VectorClock.parse("order-service"));
        assertThatIllegalArgumentException().isThrownBy(() -> VectorClock.parse("order-service=x"));
        assertThatIllegalArgumentException().isThrownBy(() -> VectorClock.parse("order-service=-1"));
    }

    /** A charge in payment, the reply merged by the orchestrator, its refund command merged by payment again. */
    @Test
    void aReceiverThatMergesAndTicksIsAfterTheSender() {
        VectorClock charged = VectorClock.parse("order-service=1,payment-service=1,saga-orchestrator=2");
        VectorClock orchestrator = VectorClock.parse("order-service=1,saga-orchestrator=2").merge(charged)
                .tick("saga-orchestrator");
        VectorClock refunded = charged.merge(orchestrator).tick("payment-service");

        assertThat(charged.compare(refunded)).isEqualTo(Causality.BEFORE);
        assertThat(refunded.compare(charged)).isEqualTo(Causality.AFTER);
        assertThat(charged.happenedBefore(refunded)).isTrue();
        assertThat(refunded.compare(refunded)).isEqualTo(Causality.EQUAL);
    }

    @Test
    void eventsNeitherOfWhichSawTheOtherAreConcurrent() {
        VectorClock sent = VectorClock.parse("saga-orchestrator=3");
        VectorClock inInventory = sent.tick("inventory-service");
        VectorClock inPayment = sent.tick("payment-service");

        assertThat(inInventory.compare(inPayment)).isEqualTo(Causality.CONCURRENT);
        assertThat(inInventory.happenedBefore(inPayment)).isFalse();
        assertThat(inPayment.happenedBefore(inInventory)).isFalse();
    }
}
