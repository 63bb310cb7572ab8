package io.microplatform.payment;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.RunningServiceContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole service against real PostgreSQL (Flyway applied) and Kafka. */
// with metrics export on (Boot's tests turn it off), so the shared Prometheus settings are part of the test
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedPaymentProvider.class)
class PaymentServiceIT extends RunningServiceContract {

    PaymentServiceIT() {
        super("payment-service");
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

}
