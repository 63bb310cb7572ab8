package io.microplatform.saga;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
@SagaIntegrationTest
class SagaOrchestratorIT {

    private static final String READY = """
            {"status":"UP","components":{
              "readinessState":{"status":"UP"},"db":{"status":"UP"},"kafka":{"status":"UP"},"discovery":{"status":"UP"}}}
            """;

    @Autowired
    private TestRestTemplate http;

    @Test
    void isReadyWhenDatabaseBrokerAndDiscoveryAre() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
            assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
            JSONAssert.assertEquals(READY, readiness.getBody(), JSONCompareMode.LENIENT);
        });
    }

    @Test
    void isAliveWithoutAskingItsDependencies() throws Exception {
        JSONAssert.assertEquals("""
                {"status":"UP","components":{"livenessState":{"status":"UP"}}}
                """, http.getForObject("/actuator/health/liveness", String.class), JSONCompareMode.STRICT);
    }

    @Test
    void tagsMetricsWithTheServiceName() {
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("application=\"saga-orchestrator\"");
    }

    @Test
    void exposesListenerConsumerLagSagaGaugesAndPoolMetrics() {
        // Boot's MicrometerConsumerListener still reaches the consumer factory messaging-support customizes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus",
                String.class)).contains("kafka_consumer_fetch_manager_records_lag_max", "saga_oldest_in_flight_age_seconds",
                "hikaricp_connections_active", "jvm_memory_used_bytes"));
    }
}
