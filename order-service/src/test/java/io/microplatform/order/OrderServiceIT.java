package io.microplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.testsupport.RunningServiceContract;
import org.junit.jupiter.api.Test;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
@OrderServiceIntegrationTest
class OrderServiceIT extends RunningServiceContract {

    OrderServiceIT() {
        super("order-service");
    }

    @Test
    void saysInItsInfoWhenAPendingOrderIsAnnouncedAgainAndReportedStalled() {
        assertThat(http.getForObject("/actuator/info", String.class))
                .contains("\"reconciliation\"", "\"reannounceAfter\"", "\"stalledAfter\"");
    }
}
