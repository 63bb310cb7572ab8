package io.microplatform.shipping;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.RunningServiceContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
// with metrics export on (Boot's tests turn it off), so the shared Prometheus settings are part of the test
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedCarrier.class)
class ShippingServiceIT extends RunningServiceContract {

    ShippingServiceIT() {
        super("shipping-service");
    }

    @Test
    void listsExactlyTheDemoDestinationsByCountry() {
        assertThat(http.getForObject("/api/shipping/destinations", String.class)).isEqualTo("""
                [{"country":"CA","name":"Canada"},{"country":"DE","name":"Germany"},{"country":"FR","name":"France"},\
                {"country":"GB","name":"United Kingdom"},{"country":"JP","name":"Japan"},\
                {"country":"NL","name":"Netherlands"},{"country":"US","name":"United States"}]""");
    }

}
