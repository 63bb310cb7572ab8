package io.microplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** What a user does with curl against a running stack: place and read orders, read the participants' views. */
final class ShopClient {

    record Response(int status, String contentType, JsonNode body, String location) {
    }

    private final Map<String, Integer> ports;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // exact decimals: 49.90 must stay 49.90, as money does on the wire
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    ShopClient(Map<String, Integer> ports) {
        this.ports = ports;
    }

    static String order(String customer, String sku, int quantity, String postalCode, String country) {
        return """
                {"customerId":"%s","items":[{"sku":"%s","quantity":%d}],
                 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"%s","country":"%s"}}
                """.formatted(customer, sku, quantity, postalCode, country);
    }

    Response placeOrder(String body) {
        return placeOrder(body, null);
    }

    Response placeOrder(String body, String idempotencyKey) {
        HttpRequest.Builder request = request("order-service", "/api/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    JsonNode orderOf(String orderId) {
        return ok(get("order-service", "/api/orders/" + orderId));
    }

    JsonNode sagaOf(String orderId) {
        return ok(get("saga-orchestrator", "/api/sagas/" + orderId));
    }

    JsonNode item(String sku) {
        return ok(get("inventory-service", "/api/inventory/items/" + sku));
    }

    int stock(String sku) {
        return item(sku).path("stock").asInt();
    }

    BigDecimal balance(String customer) {
        return ok(get("payment-service", "/api/payments/accounts/" + customer)).path("balance").decimalValue();
    }

    JsonNode payments(String orderId) {
        return ok(get("payment-service", "/api/payments?orderId=" + orderId));
    }

    JsonNode shipments(String orderId) {
        return ok(get("shipping-service", "/api/shipments?orderId=" + orderId));
    }

    Response get(String service, String path) {
        return send(request(service, path).GET().build());
    }

    private HttpRequest.Builder request(String service, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(service) + path))
                .timeout(Duration.ofSeconds(20));
    }

    private JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new AssertionError(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
