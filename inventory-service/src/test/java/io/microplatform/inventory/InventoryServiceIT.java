package io.microplatform.inventory;

import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.RunningServiceContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
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
class InventoryServiceIT extends RunningServiceContract {

    InventoryServiceIT() {
        super("inventory-service");
    }

    @Test
    void listsTheDemoCatalogueBySku() {
        String items = http.getForObject("/api/inventory/items", String.class);

        assertThat(items).isEqualTo("""
                [{"sku":"KEYBOARD-01","name":"Mechanical keyboard","price":49.90,"stock":100},\
                {"sku":"LAPTOP-14","name":"14-inch laptop","price":1299.00,"stock":0},\
                {"sku":"MONITOR-27","name":"27-inch monitor","price":299.00,"stock":10},\
                {"sku":"MOUSE-01","name":"Wireless mouse","price":19.90,"stock":200}]""");
    }

    @Test
    void servesOneItemBySku() {
        assertThat(http.getForObject("/api/inventory/items/MONITOR-27", String.class))
                .isEqualTo("""
                        {"sku":"MONITOR-27","name":"27-inch monitor","price":299.00,"stock":10}""");
    }

    @Test
    void answersAnUnknownSkuWithProblemJson404() {
        ResponseEntity<String> response = http.getForEntity("/api/inventory/items/NOPE-01", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

}
