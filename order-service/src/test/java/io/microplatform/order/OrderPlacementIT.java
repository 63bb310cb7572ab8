package io.microplatform.order;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.Topics;
import io.microplatform.testsupport.ClosedBreakers;
import org.json.JSONException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST and GET /api/orders end to end: real HTTP calls to the stubbed inventory and shipping services, the order in
 * PostgreSQL, OrderPlaced on Kafka.
 */
@OrderServiceIntegrationTest
// closed breakers, whatever the tests before did to inventory and shipping (ResilienceIT shares the context)
@ExtendWith(ClosedBreakers.class)
class OrderPlacementIT {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TopicReader orderEvents;
    private String customer;

    @BeforeEach
    void openTopicAndPickACustomer() {
        orderEvents = new TopicReader(bootstrapServers, Topics.ORDER_EVENTS);
        // every test its own customer: the database and the topic are shared with the other test classes
        customer = "it-" + UUID.randomUUID();
    }

    @AfterEach
    void closeTopic() {
        orderEvents.close();
    }

    @Test
    void placesAPendingOrderPricedByInventoryAndShippingAndAnnouncesIt() throws Exception {
        ResponseEntity<String> placed = post(order("""
                [{"sku":"KEYBOARD-01","quantity":2}]""", "DE"), null);

        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(placed.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode body = JSON.readTree(placed.getBody());
        String orderId = body.path("orderId").asText();
        assertThat(placed.getHeaders().getLocation()).hasToString("/api/orders/" + orderId);
        JSONAssert.assertEquals("""
                {"orderId":"%s","customerId":"%s","status":"PENDING","reason":null,
                 "items":[{"sku":"KEYBOARD-01","quantity":2,"unitPrice":49.90}],
                 "total":104.79,"shippingCost":4.99,"degraded":[]}
                """.formatted(orderId, customer), placed.getBody(), JSONCompareMode.LENIENT);
        assertThat(placed.getBody()).contains("\"unitPrice\":49.90", "\"total\":104.79", "\"shippingCost\":4.99");
        assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z")
                .isEqualTo(body.path("updatedAt").asText());

        // what GET shows is what POST answered: the same order, read back from the database
        ResponseEntity<String> read = http.getForEntity("/api/orders/" + orderId, String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        JSONAssert.assertEquals(placed.getBody(), read.getBody(), JSONCompareMode.STRICT);

        TopicReader.Received event = await().atMost(KAFKA_WAIT)
                .until(() -> orderEvents.withKey(orderId), events -> !events.isEmpty()).get(0);
        assertThat(event.type()).isEqualTo("order.OrderPlaced");
        assertThat(event.value().path("messageId").asText()).isNotBlank();
        JSONAssert.assertEquals("""
                {"type":"order.OrderPlaced","orderId":"%s","customerId":"%s",
                 "lines":[{"sku":"KEYBOARD-01","quantity":2,"unitPrice":49.90}],"shippingCost":4.99,"total":104.79,
                 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(orderId, customer), event.value().toString(), JSONCompareMode.LENIENT);
        assertThat(event.value().path("total").decimalValue()).isEqualTo(new BigDecimal("104.79"));
    }

    @Test
    void mergesLinesOfTheSameSkuAndListsLinesBySku() throws Exception {
        ResponseEntity<String> placed = post(order("""
                [{"sku":"MOUSE-01","quantity":1},{"sku":"KEYBOARD-01","quantity":1},{"sku":"MOUSE-01","quantity":2}]""",
                "GB"), null);

        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        // 49.90 + 3 x 19.90 + 7.99 shipping to GB
        JSONAssert.assertEquals("""
                {"items":[{"sku":"KEYBOARD-01","quantity":1,"unitPrice":49.90},
                          {"sku":"MOUSE-01","quantity":3,"unitPrice":19.90}],
                 "total":117.59,"shippingCost":7.99}
                """, placed.getBody(), JSONCompareMode.LENIENT);
    }

    @Test
    void rejectsUnknownSkusWith422AndStoresAndPublishesNothing() throws Exception {
        ResponseEntity<String> rejected = post(order("""
                [{"sku":"KEYBOARD-01","quantity":1},{"sku":"NOPE-02","quantity":1},{"sku":"NOPE-01","quantity":1}]""",
                "DE"), "key-" + UUID.randomUUID());

        assertProblem(rejected, HttpStatus.UNPROCESSABLE_ENTITY, """
                {"title":"Unknown SKU","status":422,"detail":"No items with skus NOPE-01, NOPE-02",
                 "instance":"/api/orders","skus":["NOPE-01","NOPE-02"]}
                """, JSONCompareMode.STRICT_ORDER);
        assertNothingStoredOrPublished();
    }

    @Test
    void rejectsAnUnsupportedCountryWith422AndStoresAndPublishesNothing() throws Exception {
        ResponseEntity<String> rejected = post(order("""
                [{"sku":"KEYBOARD-01","quantity":1}]""", "XX"), "key-" + UUID.randomUUID());

        assertProblem(rejected, HttpStatus.UNPROCESSABLE_ENTITY, """
                {"title":"Unsupported country","status":422,"detail":"No shipping to country XX","country":"XX"}
                """, JSONCompareMode.LENIENT);
        assertNothingStoredOrPublished();
    }

    @Test
    void rejectsInvalidFieldsWith400AndStoresAndPublishesNothing() throws Exception {
        ResponseEntity<String> rejected = post("""
                {"customerId":"%s","items":[{"sku":"KEYBOARD-01","quantity":0}],
                 "shippingAddress":{"name":"Ada","street":" ","city":"Berlin","postalCode":"10115","country":"DE"}}
                """.formatted(customer), "key-" + UUID.randomUUID());

        assertProblem(rejected, HttpStatus.BAD_REQUEST, """
                {"status":400,"errors":[
                  {"field":"items[0].quantity","message":"must be greater than or equal to 1"},
                  {"field":"shippingAddress.street","message":"must not be blank"}]}
                """, JSONCompareMode.LENIENT);
        assertNothingStoredOrPublished();
    }

    /**
     * FieldLimits end to end: an order with every field at its limit is stored and announced as it came (what the
     * participants' own limit tests then store); one character, line or unit more is a 400 naming each field.
     */
    @Test
    void acceptsAnOrderAtTheFieldLimitsAndRefusesOneJustBeyondThem() throws Exception {
        String customerAtLimit = customer + "-" + "c".repeat(FieldLimits.CUSTOMER_ID_MAX - customer.length() - 1);
        // letters beyond ASCII, all in the Basic Multilingual Plane: 200 characters are 200 UTF-16 units
        String name = "Åsa Ørsted-Çelik Σοφία 小林 ".repeat(10).substring(0, FieldLimits.NAME_MAX);
        String street = "Straße der Einheit ".repeat(11).substring(0, FieldLimits.STREET_MAX);
        String city = "Łódź ".repeat(20).substring(0, FieldLimits.CITY_MAX - 1) + "Ł";
        String postalCode = "PC-" + "9".repeat(FieldLimits.POSTAL_CODE_MAX - 3);
        String items = IntStream.range(0, FieldLimits.LINES_MAX)
                .mapToObj(i -> "{\"sku\":\"%s\",\"quantity\":%d}".formatted(limitSku(i), FieldLimits.QUANTITY_MAX))
                .collect(Collectors.joining(",", "[", "]"));

        ResponseEntity<String> accepted = post(order(customerAtLimit, items, name, street, city, postalCode, "DE"), null);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String orderId = JSON.readTree(accepted.getBody()).path("orderId").asText();
        assertThat(jdbc.sql("""
                        SELECT customer_id, shipping_name, shipping_street, shipping_city, shipping_postal_code
                        FROM orders WHERE id = ?""").param(UUID.fromString(orderId))
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).single())
                .containsExactly(customerAtLimit, name, street, city, postalCode);
        assertThat(count("SELECT count(*) FROM order_items WHERE order_id = ? AND quantity = ?",
                UUID.fromString(orderId), FieldLimits.QUANTITY_MAX)).isEqualTo(FieldLimits.LINES_MAX);
        JsonNode placed = await().atMost(KAFKA_WAIT)
                .until(() -> orderEvents.withKey(orderId), events -> !events.isEmpty()).get(0).value();
        assertThat(placed.path("customerId").asText()).isEqualTo(customerAtLimit);
        assertThat(placed.path("lines")).hasSize(FieldLimits.LINES_MAX);
        assertThat(placed.path("shippingAddress").path("name").asText()).isEqualTo(name);
        assertThat(placed.path("shippingAddress").path("postalCode").asText()).isEqualTo(postalCode);

        String beyondItems = items.replace("]", ",{\"sku\":\"%s\",\"quantity\":1}]".formatted(limitSku(50)))
                .replaceFirst("\"quantity\":" + FieldLimits.QUANTITY_MAX, "\"quantity\":" + (FieldLimits.QUANTITY_MAX + 1));
        ResponseEntity<String> refused = post(order(customerAtLimit + "c", beyondItems, name + "x", street + "x",
                city + "x", postalCode + "9", "DEU"), null);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(refused.getBody()).path("errors").findValuesAsText("field")).containsExactly(
                "customerId", "items", "items[0].quantity", "shippingAddress.city", "shippingAddress.country",
                "shippingAddress.name", "shippingAddress.postalCode", "shippingAddress.street");
        assertThat(count("SELECT count(*) FROM orders WHERE customer_id LIKE ?", customer + "%")).isOne();
    }

    @Test
    void rejectsMalformedJsonWith400AndStoresNothing() {
        long ordersBefore = count("SELECT count(*) FROM orders");

        ResponseEntity<String> rejected = post("{\"customerId\":\"" + customer + "\",\"items\":[", null);

        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rejected.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(count("SELECT count(*) FROM orders")).isEqualTo(ordersBefore);
    }

    @Test
    void answers503WithRetryAfterWhenInventoryFailsWithoutACachedPriceAndStoresNothing() throws Exception {
        ResponseEntity<String> failed = post(order("""
                [{"sku":"%s","quantity":1}]""".formatted(StubRemoteServices.BROKEN_SKU), "DE"), null);

        assertProblem(failed, HttpStatus.SERVICE_UNAVAILABLE, """
                {"title":"Service unavailable","status":503,"service":"inventory-service"}
                """, JSONCompareMode.LENIENT);
        // the inventory breaker's wait in the open state (2 s in these tests)
        assertThat(failed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertNothingStoredOrPublished();
    }

    @Test
    void answersARepeatedRequestWithTheSameKeyWithTheSameOrder() throws Exception {
        String key = "key-" + UUID.randomUUID();
        ResponseEntity<String> first = post(order("""
                [{"sku":"KEYBOARD-01","quantity":1},{"sku":"MOUSE-01","quantity":2}]""", "DE"), key);
        // the same request as far as the order goes: lines in another order, other whitespace
        ResponseEntity<String> again = post(order("""
                [ {"sku":"MOUSE-01","quantity":2},  {"sku":"KEYBOARD-01","quantity":1} ]""", "DE"), key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        JSONAssert.assertEquals(first.getBody(), again.getBody(), JSONCompareMode.STRICT);
        String orderId = JSON.readTree(first.getBody()).path("orderId").asText();
        assertOnlyOrderOfCustomerIs(orderId);
        assertExactlyOneOrderPlaced(orderId);
        assertThat(jdbc.sql("SELECT effect FROM causal_effects WHERE order_id = ?").param(UUID.fromString(orderId))
                .query(String.class).list()).containsExactly("order.placed");
    }

    @Test
    void rejectsTheSameKeyWithADifferentRequestWith422() throws Exception {
        String key = "key-" + UUID.randomUUID();
        ResponseEntity<String> first = post(order("""
                [{"sku":"KEYBOARD-01","quantity":1}]""", "DE"), key);

        ResponseEntity<String> different = post(order("""
                [{"sku":"KEYBOARD-01","quantity":2}]""", "DE"), key);

        assertProblem(different, HttpStatus.UNPROCESSABLE_ENTITY, """
                {"title":"Idempotency-Key reused","status":422,"idempotencyKey":"%s"}
                """.formatted(key), JSONCompareMode.LENIENT);
        String orderId = JSON.readTree(first.getBody()).path("orderId").asText();
        assertOnlyOrderOfCustomerIs(orderId);
        assertExactlyOneOrderPlaced(orderId);
    }

    @Test
    void placesOneOrderForTenConcurrentRequestsWithTheSameKey() throws Exception {
        int requests = 10;
        String key = "key-" + UUID.randomUUID();
        String body = order("""
                [{"sku":"MONITOR-27","quantity":1}]""", "NL");
        StubRemoteServices remotes = StubRemoteServicesInitializer.stub();
        int quotesBefore = remotes.quoteRequests();
        // every request gets past its first look for the key before any of them stores anything
        remotes.holdQuotesUntil(requests);
        List<ResponseEntity<String>> responses = IntStream.range(0, requests)
                .mapToObj(i -> send(body, key))
                .toList().stream()
                .map(CompletableFuture::join)
                .toList();

        assertThat(responses).extracting(ResponseEntity::getStatusCode).containsOnly(HttpStatus.ACCEPTED);
        assertThat(remotes.quoteRequests() - quotesBefore).as("requests that got as far as pricing").isEqualTo(requests);
        assertThat(responses).extracting(response -> response.getHeaders().getLocation())
                .containsOnly(responses.get(0).getHeaders().getLocation());
        String orderId = JSON.readTree(responses.get(0).getBody()).path("orderId").asText();
        for (ResponseEntity<String> response : responses) {
            assertThat(JSON.readTree(response.getBody()).path("orderId").asText()).isEqualTo(orderId);
        }
        assertOnlyOrderOfCustomerIs(orderId);
        assertExactlyOneOrderPlaced(orderId);
    }

    @Test
    void answers404ForAnUnknownOrder() throws Exception {
        ResponseEntity<String> missing = http.getForEntity("/api/orders/" + UUID.randomUUID(), String.class);
        ResponseEntity<String> notAnId = http.getForEntity("/api/orders/not-an-id", String.class);

        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notAnId.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JSONAssert.assertEquals("""
                {"type":"about:blank","title":"Order not found","status":404,"detail":"No order with id not-an-id",
                 "instance":"/api/orders/not-an-id","orderId":"not-an-id"}
                """, notAnId.getBody(), JSONCompareMode.STRICT);
    }

    /** Eureka's client takes the application's RestClient.Builder for its calls to the registry: not a balanced one. */
    @Test
    void givesThePlainRestClientBuilderToWhoeverAsksForOne(@Autowired ObjectProvider<RestClient.Builder> builders) {
        String registryLikeUrl = StubRemoteServicesInitializer.stub().baseUrl() + "/api/inventory/items/KEYBOARD-01";

        ResponseEntity<String> answer = builders.getIfAvailable(RestClient::builder).build()
                .get().uri(registryLikeUrl).retrieve().toEntity(String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * Through the JDK's HTTP client: exactly one request per call, on its own connection when calls overlap
     * (TestRestTemplate's Apache client pools 5 connections per host and re-sends a POST answered 503).
     */
    /** A problem+json answer with this status whose members match {@code expected} as {@code mode} compares. */
    private static void assertProblem(ResponseEntity<String> answer, HttpStatus status, String expected,
            JSONCompareMode mode) throws JSONException {
        assertThat(answer.getStatusCode()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JSONAssert.assertEquals(expected, answer.getBody(), mode);
    }

    private ResponseEntity<String> post(String body, String idempotencyKey) {
        return send(body, idempotencyKey).join();
    }

    private CompletableFuture<ResponseEntity<String>> send(String body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach(headers::addAll);
            return ResponseEntity.status(response.statusCode()).headers(headers).body(response.body());
        });
    }

    private String order(String items, String country) {
        return """
                {"customerId":"%s","items":%s,
                 "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"%s"}}
                """.formatted(customer, items, country);
    }

    private String order(String customerId, String items, String name, String street, String city, String postalCode,
            String country) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .put("customerId", customerId)
                .<ObjectNode>set("items", JSON.readTree(items))
                .set("shippingAddress", JSON.createObjectNode().put("name", name).put("street", street).put("city", city)
                        .put("postalCode", postalCode).put("country", country)));
    }

    /** The i-th of 64-character skus the stub prices at 1.00. */
    private static String limitSku(int i) {
        String sku = StubRemoteServices.ONE_EURO_PREFIX + "%058d".formatted(i);
        assertThat(sku).hasSize(FieldLimits.SKU_MAX);
        return sku;
    }

    private void assertNothingStoredOrPublished() {
        assertThat(count("SELECT count(*) FROM orders WHERE customer_id = ?", customer)).isZero();
        // every message leaves through the outbox, in the order's transaction: no row, no message
        assertThat(count("SELECT count(*) FROM outbox_messages WHERE payload LIKE ?", "%" + customer + "%")).isZero();
    }

    private void assertOnlyOrderOfCustomerIs(String orderId) {
        assertThat(jdbc.sql("SELECT id FROM orders WHERE customer_id = ?").param(customer).query(UUID.class).list())
                .containsExactly(UUID.fromString(orderId));
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE order_id = ?", UUID.fromString(orderId)))
                .isLessThanOrEqualTo(1);
    }

    private void assertExactlyOneOrderPlaced(String orderId) {
        assertThat(count("SELECT count(*) FROM outbox_messages WHERE message_key = ? AND message_type = ?",
                UUID.fromString(orderId), "order.OrderPlaced")).isOne();
        List<TopicReader.Received> events = await().atMost(KAFKA_WAIT)
                .until(() -> orderEvents.withKey(orderId), received -> !received.isEmpty());
        assertThat(events).extracting(TopicReader.Received::type).containsExactly("order.OrderPlaced");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
