package io.microplatform.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.order.domain.CancellationReason;
import org.junit.jupiter.api.Test;

/** A CancelOrder reaches OrderCommandsListener only with a reason of the contract: each must be one the order keeps. */
class CancellationReasonsTest {

    @Test
    void knowsEveryReasonTheContractAllows() {
        assertThat(Arrays.stream(CancellationReason.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(CancelOrder.REASONS);
    }
}
