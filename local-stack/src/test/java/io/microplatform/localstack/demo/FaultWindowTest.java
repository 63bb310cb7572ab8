package io.microplatform.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.localstack.chaos.OrderTraffic;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultWindowTest {

    @Test
    void countsOnlyTheAcceptedOrdersPlacedWhileTheFaultLasted() {
        // orders 3 to 5 were placed during the fault; 2 and 6 were accepted but came before and after it
        Demos.FaultWindow window = new Demos.FaultWindow(2, 3, Instant.EPOCH);

        long accepted = window.accepted(List.of(sent(1, 503), sent(2, 202), sent(3, 202), sent(4, 503), sent(5, 202),
                sent(6, 202)));

        assertThat(accepted).isEqualTo(2);
    }

    private static OrderTraffic.Sent sent(int number, int status) {
        return new OrderTraffic.Sent(number, Instant.EPOCH, 0.1, status, null);
    }
}
