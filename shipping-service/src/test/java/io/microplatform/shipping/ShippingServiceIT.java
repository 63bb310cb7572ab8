package io.microplatform.shipping;

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
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
// with metrics export on (Boot's tests turn it off), so the shared Prometheus settings are part of the test
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedCarrier.Setup.class)
class ShippingServiceIT {

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
    void listsExactlyTheDemoDestinationsByCountry() {
        assertThat(http.getForObject("/api/shipping/destinations", String.class)).isEqualTo("""
                [{"country":"CA","name":"Canada"},{"country":"DE","name":"Germany"},{"country":"FR","name":"France"},\
                {"country":"GB","name":"United Kingdom"},{"country":"JP","name":"Japan"},\
                {"country":"NL","name":"Netherlands"},{"country":"US","name":"United States"}]""");
    }

    @Test
    void tagsMetricsWithTheServiceName() {
        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("application=\"shipping-service\"");
    }
}
