package io.microplatform.order;

import java.util.UUID;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Places an order through the HTTP API, as a client does, for tests that start from a pending order. */
public final class PlacedOrders {

    private PlacedOrders() {
    }

    /** One keyboard to Berlin for the customer; returns the order's id, read from the Location of the 202. */
    public static UUID place(TestRestTemplate http, String customerId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> placed = http.postForEntity("/api/orders", new HttpEntity<>("""
                {"customerId":"%s","items":[{"sku":"KEYBOARD-01","quantity":1}],
                 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(customerId), headers), String.class);
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return UUID.fromString(placed.getHeaders().getLocation().getPath().substring("/api/orders/".length()));
    }
}
