package io.microplatform.payment;

import java.time.Duration;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
// with metrics export on (Boot's tests turn it off), so the shared Prometheus settings are part of the test
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedPaymentProvider.Setup.class)
class PaymentServiceIT {

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
    void servesTheDemoAccounts() {
        assertThat(http.getForObject("/api/payments/accounts/alice", String.class)).isEqualTo("""
                {"customerId":"alice","balance":10000.00}""");
        assertThat(http.getForObject("/api/payments/accounts/bob", String.class)).isEqualTo("""
                {"customerId":"bob","balance":50.00}""");
    }

    @Test
    void answersAnUnknownCustomerWithProblemJson404() {
        ResponseEntity<String> response = http.getForEntity("/api/payments/accounts/carol", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void tagsMetricsWithTheServiceName() {
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("application=\"payment-service\"");
    }
}
