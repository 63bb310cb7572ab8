package io.microplatform.saga;

import java.time.Duration;

import io.microplatform.testsupport.RunningServiceContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
@SagaIntegrationTest
class SagaOrchestratorIT extends RunningServiceContract {

    SagaOrchestratorIT() {
        super("saga-orchestrator");
    }

    @Test
    void exposesListenerConsumerLagSagaGaugesClockSkewAndPoolMetrics() {
        // Boot's MicrometerConsumerListener still reaches the consumer factory messaging-support customizes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus",
                String.class)).contains("kafka_consumer_fetch_manager_records_lag_max", "saga_oldest_in_flight_age_seconds",
                "saga_clock_skew_seconds", "hikaricp_connections_active", "jvm_memory_used_bytes"));
    }

    @Test
    void saysInItsInfoWhenASilentStepIsGivenUp() {
        String info = http.getForObject("/actuator/info", String.class);

        // the test configuration's step timeout and attempts, summed as the sweeper waits them
        assertThat(info).contains("\"saga\"", "\"giveUpAfter\"", "\"maxAttempts\"");
    }
}
