package io.microplatform.order.api;

import java.math.BigDecimal;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.microplatform.order.OrderManagement;
import io.microplatform.order.client.RemoteServiceUnavailableException;
import io.microplatform.order.domain.CancellationReason;
import io.microplatform.order.domain.IdempotencyKeyReusedException;
import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderItem;
import io.microplatform.order.domain.OrderNotFoundException;
import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.ShippingAddress;
import io.microplatform.order.domain.UnknownSkuException;
import io.microplatform.order.domain.UnsupportedCountryException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.CannotCreateTransactionException;

import static io.microplatform.testsupport.ProblemDetailsContract.problemJson;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP contract of /api/orders: status codes, bodies, and a problem detail naming every invalid field. */
@WebMvcTest(OrderController.class)
class OrderControllerTest {

    private static final UUID ORDER_ID = UUID.fromString("0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01");
    private static final Instant PLACED_AT = Instant.parse("2025-11-26T10:15:30.123456Z");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");
    private static final String VALID = """
            {"customerId":"alice","items":[{"sku":"KEYBOARD-01","quantity":2}],
             "shippingAddress":{"name":"Ada","street":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}""";

    private static final String IDENTIFIER_RULE =
            "must consist of ASCII letters, digits, '.', '_' and '-', starting with a letter or digit";
    private static final String TEXT_RULE = "must not contain control characters";
    private static final String COUNTRY_RULE = "must be an ISO 3166-1 alpha-2 code in capitals, like DE";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private OrderManagement orders;

    @Test
    void acceptsAnOrderWithItsLocationAndView() throws Exception {
        given(orders.place(any(), isNull())).willReturn(placedOrder());

        post(VALID, null)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/orders/" + ORDER_ID))
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"orderId":"0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01","customerId":"alice","status":"PENDING",
                         "reason":null,"items":[{"sku":"KEYBOARD-01","quantity":2,"unitPrice":49.90}],
                         "total":104.79,"shippingCost":4.99,"degraded":[],
                         "createdAt":"2025-11-26T10:15:30.123456Z","updatedAt":"2025-11-26T10:15:30.123456Z"}""", true));
        verify(orders).place(new OrderRequest("alice", List.of(new OrderRequest.Line("KEYBOARD-01", 2)), ADDRESS), null);
    }

    @Test
    void passesTheIdempotencyKeyOn() throws Exception {
        given(orders.place(any(), eq("retry-me"))).willReturn(placedOrder());

        post(VALID, "retry-me").andExpect(status().isAccepted());
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(VALID.replace("\"customerId\":\"alice\",", ""), "customerId", "must not be blank"),
                Arguments.of(VALID.replace("\"alice\"", "\"  \""), "customerId", "must not be blank"),
                Arguments.of(VALID.replace("\"alice\"", "\"" + "a".repeat(65) + "\""), "customerId",
                        "size must be between 0 and 64"),
                Arguments.of(VALID.replace("\"items\":[{\"sku\":\"KEYBOARD-01\",\"quantity\":2}],", ""), "items",
                        "must not be empty"),
                Arguments.of(VALID.replace("[{\"sku\":\"KEYBOARD-01\",\"quantity\":2}]", "[]"), "items",
                        "must not be empty"),
                Arguments.of(VALID.replace("[{\"sku\":\"KEYBOARD-01\",\"quantity\":2}]", "[null]"), "items[0]",
                        "must not be null"),
                Arguments.of(VALID.replace("\"quantity\":2", "\"quantity\":0"), "items[0].quantity",
                        "must be greater than or equal to 1"),
                Arguments.of(VALID.replace("\"quantity\":2", "\"quantity\":1001"), "items[0].quantity",
                        "must be less than or equal to 1000"),
                Arguments.of(VALID.replace(",\"quantity\":2", ""), "items[0].quantity", "must not be null"),
                Arguments.of(VALID.replace("\"sku\":\"KEYBOARD-01\",", ""), "items[0].sku", "must not be blank"),
                Arguments.of(VALID.replace("[{\"sku\":\"KEYBOARD-01\",\"quantity\":2}]",
                        "[{\"sku\":\"KEYBOARD-01\",\"quantity\":600},{\"sku\":\"KEYBOARD-01\",\"quantity\":401}]"),
                        "items", "quantities of lines with the same sku must add up to at most 1000"),
                Arguments.of("{\"customerId\":\"alice\",\"items\":[{\"sku\":\"KEYBOARD-01\",\"quantity\":2}]}",
                        "shippingAddress", "must not be null"),
                Arguments.of(VALID.replace("\"name\":\"Ada\"", "\"name\":\"\""), "shippingAddress.name",
                        "must not be blank"),
                Arguments.of(VALID.replace("\"street\":\"1 Main St\",", ""), "shippingAddress.street",
                        "must not be blank"),
                Arguments.of(VALID.replace("\"Berlin\"", "\" \""), "shippingAddress.city", "must not be blank"),
                Arguments.of(VALID.replace("\"10115\"", "\"\""), "shippingAddress.postalCode", "must not be blank"),
                Arguments.of(VALID.replace("\"country\":\"DE\"", "\"country\":null"), "shippingAddress.country",
                        "must not be blank"),
                Arguments.of(VALID.replace("\"quantity\":2", "\"quantity\":\"two\""), "items[0].quantity",
                        "has the wrong type"),
                Arguments.of(VALID.replace("\"quantity\":2", "\"quantity\":1.5"), "items[0].quantity",
                        "has the wrong type"),
                // FieldLimits: characters, then one past each length
                Arguments.of(VALID.replace("\"alice\"", "\"alice smith\""), "customerId", IDENTIFIER_RULE),
                Arguments.of(VALID.replace("\"alice\"", "\"-alice\""), "customerId", IDENTIFIER_RULE),
                Arguments.of(VALID.replace("\"KEYBOARD-01\"", "\"KEYBOARD/01\""), "items[0].sku", IDENTIFIER_RULE),
                Arguments.of(VALID.replace("\"KEYBOARD-01\"", "\"" + "K".repeat(65) + "\""), "items[0].sku",
                        "size must be between 0 and 64"),
                Arguments.of(VALID.replace("[{\"sku\":\"KEYBOARD-01\",\"quantity\":2}]", items(51)), "items",
                        "size must be between 0 and 50"),
                Arguments.of(VALID.replace("\"Ada\"", "\"Ada\\u0007\""), "shippingAddress.name", TEXT_RULE),
                Arguments.of(VALID.replace("\"Ada\"", "\"" + "Å".repeat(201) + "\""), "shippingAddress.name",
                        "size must be between 0 and 200"),
                Arguments.of(VALID.replace("\"1 Main St\"", "\"" + "s".repeat(201) + "\""), "shippingAddress.street",
                        "size must be between 0 and 200"),
                Arguments.of(VALID.replace("\"Berlin\"", "\"" + "b".repeat(101) + "\""), "shippingAddress.city",
                        "size must be between 0 and 100"),
                Arguments.of(VALID.replace("\"10115\"", "\"" + "1".repeat(21) + "\""), "shippingAddress.postalCode",
                        "size must be between 0 and 20"),
                Arguments.of(VALID.replace("\"10115\"", "\"10115\\n\""), "shippingAddress.postalCode", TEXT_RULE),
                Arguments.of(VALID.replace("\"DE\"", "\"de\""), "shippingAddress.country", COUNTRY_RULE),
                Arguments.of(VALID.replace("\"DE\"", "\"DEU\""), "shippingAddress.country", COUNTRY_RULE));
    }

    /** Every field at its FieldLimits maximum: the widest order every later service can store. */
    @Test
    void acceptsAnOrderWithEveryFieldAtItsLimit() throws Exception {
        given(orders.place(any(), isNull())).willReturn(placedOrder());
        String atLimits = """
                {"customerId":"%s","items":%s,
                 "shippingAddress":{"name":"%s","street":"%s","city":"%s","postalCode":"%s","country":"JP"}}"""
                .formatted("c".repeat(64), items(50).replace("\"quantity\":1", "\"quantity\":1000"),
                        "é中".repeat(100), "s".repeat(200), "ü".repeat(100), "1".repeat(20));

        post(atLimits, null).andExpect(status().isAccepted());
        verify(orders).place(argThat(request -> request.lines().size() == 50
                && request.lines().stream().allMatch(line -> line.quantity() == 1000 && line.sku().length() == 64)
                && request.shippingAddress().name().length() == 200), isNull());
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("invalidRequests")
    void namesTheInvalidField(String body, String field, String message) throws Exception {
        post(body, null)
                .andExpect(status().isBadRequest())
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Invalid request","status":400,
                         "detail":"Invalid fields: %s %s","instance":"/api/orders",
                         "errors":[{"field":"%s","message":"%s"}]}""".formatted(field, message, field, message)));
        verifyNoInteractions(orders);
    }

    @Test
    void namesEveryInvalidFieldAtOnce() throws Exception {
        post("""
                {"customerId":"","items":[{"sku":" ","quantity":0},{"quantity":1001},null],
                 "shippingAddress":{"name":"","street":"","city":"","postalCode":"","country":""}}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"status":400,"errors":[
                          {"field":"customerId","message":"must not be blank"},
                          {"field":"items[0].quantity","message":"must be greater than or equal to 1"},
                          {"field":"items[0].sku","message":"must not be blank"},
                          {"field":"items[1].quantity","message":"must be less than or equal to 1000"},
                          {"field":"items[1].sku","message":"must not be blank"},
                          {"field":"items[2]","message":"must not be null"},
                          {"field":"shippingAddress.city","message":"must not be blank"},
                          {"field":"shippingAddress.country","message":"must not be blank"},
                          {"field":"shippingAddress.name","message":"must not be blank"},
                          {"field":"shippingAddress.postalCode","message":"must not be blank"},
                          {"field":"shippingAddress.street","message":"must not be blank"}]}""", false))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "\"detail\":\"Invalid fields: customerId must not be blank; items[0].quantity must be")));
        verifyNoInteractions(orders);
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        post("{\"customerId\":\"alice\",\"items\":[", null)
                .andExpect(status().isBadRequest())
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Malformed request body","status":400,
                         "detail":"The request body is not valid JSON, or not shaped like the request this endpoint takes",
                         "instance":"/api/orders"}"""));
        verifyNoInteractions(orders);
    }

    @Test
    void answersABlankIdempotencyKeyWith400() throws Exception {
        post(VALID, " ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"status":400,"errors":[{"field":"Idempotency-Key",
                          "message":"must be 1 to 255 characters, not blank, sent once"}]}"""));
        verifyNoInteractions(orders);
    }

    /** Found by OrderPlacementFuzzIT: Spring joined the two values into one key "key-a,key-b" and placed the order. */
    @Test
    void answersAnIdempotencyKeySentTwiceWith400() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/orders")
                        .contentType(MediaType.APPLICATION_JSON).content(VALID)
                        .header("Idempotency-Key", "key-a").header("Idempotency-Key", "key-b"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().json("""
                        {"status":400,"errors":[{"field":"Idempotency-Key",
                          "message":"must be 1 to 255 characters, not blank, sent once"}]}"""));
        verifyNoInteractions(orders);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(Named.of("unknown skus", new UnknownSkuException(List.of("NOPE-01"))), null, """
                        {"type":"about:blank","title":"Unknown SKU","status":422,"detail":"No item with sku NOPE-01",
                         "instance":"/api/orders","skus":["NOPE-01"]}"""),
                Arguments.of(Named.of("an unsupported country", new UnsupportedCountryException("XX")), null, """
                        {"type":"about:blank","title":"Unsupported country","status":422,
                         "detail":"No shipping to country XX","instance":"/api/orders","country":"XX"}"""),
                Arguments.of(Named.of("a reused Idempotency-Key", new IdempotencyKeyReusedException("k-1")), "k-1", """
                        {"type":"about:blank","title":"Idempotency-Key reused","status":422,
                         "detail":"Idempotency-Key k-1 was already used for a different request",
                         "instance":"/api/orders","idempotencyKey":"k-1"}"""));
    }

    /** A well-formed order the domain refuses: 422, with what was refused as a member of the problem. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void answersARefusedOrderWith422(RuntimeException refusal, String idempotencyKey, String problem) throws Exception {
        given(orders.place(any(), any())).willThrow(refusal);

        post(VALID, idempotencyKey)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(problemJson(problem));
    }

    @Test
    void answersAnUnavailableDependencyWith503() throws Exception {
        given(orders.place(any(), any())).willThrow(
                new RemoteServiceUnavailableException("inventory-service", new IllegalStateException("no instances"),
                        Duration.ofSeconds(10)));

        post(VALID, null)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Service unavailable","status":503,
                         "detail":"inventory-service is unavailable, nothing was stored; try again later",
                         "instance":"/api/orders","service":"inventory-service"}"""));
    }

    @Test
    void answersAnUnavailableDatabaseWith503() throws Exception {
        given(orders.place(any(), any())).willThrow(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("Connection is not available, request timed out")));
        given(orders.get(ORDER_ID)).willThrow(new DataAccessResourceFailureException("connection refused"));

        post(VALID, "k-1")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Service unavailable","status":503,
                         "detail":"The order database is unavailable or busy; try again later (with the same Idempotency-Key)",
                         "instance":"/api/orders","service":"database"}"""));
        mvc.perform(get("/api/orders/" + ORDER_ID))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void showsACancelledOrderWithItsReason() throws Exception {
        Order order = placedOrder();
        order.cancel(CancellationReason.OUT_OF_STOCK, PLACED_AT.plusSeconds(2));
        given(orders.get(ORDER_ID)).willReturn(order);

        mvc.perform(get("/api/orders/" + ORDER_ID))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"orderId":"0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01","customerId":"alice","status":"CANCELLED",
                         "reason":"OUT_OF_STOCK","items":[{"sku":"KEYBOARD-01","quantity":2,"unitPrice":49.90}],
                         "total":104.79,"shippingCost":4.99,"degraded":[],
                         "createdAt":"2025-11-26T10:15:30.123456Z","updatedAt":"2025-11-26T10:15:32.123456Z"}""", true));
    }

    @Test
    void answersAnUnknownOrderWith404() throws Exception {
        given(orders.get(ORDER_ID)).willThrow(new OrderNotFoundException(ORDER_ID.toString()));

        mvc.perform(get("/api/orders/" + ORDER_ID))
                .andExpect(status().isNotFound())
                .andExpect(problemJson("""
                        {"type":"about:blank","title":"Order not found","status":404,
                         "detail":"No order with id 0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01",
                         "instance":"/api/orders/0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01",
                         "orderId":"0b4bd1d6-5f2b-4b50-9d3c-2f1f4c1e8a01"}"""));
    }

    private ResultActions post(String body, String idempotencyKey) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    /** count lines of distinct 64-character skus, one unit each. */
    private static String items(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "{\"sku\":\"%s\",\"quantity\":1}".formatted("SKU-%060d".formatted(i)))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static Order placedOrder() {
        return Order.place(ORDER_ID, "alice", List.of(new OrderItem("KEYBOARD-01", 2, new BigDecimal("49.90"))),
                new BigDecimal("4.99"), ADDRESS, PLACED_AT);
    }
}
