package io.microplatform.support.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The HTTP contract of /actuator/faults and the inbound and outbound effects, against a real server. */
@SpringBootTest(classes = FaultsEndpointTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=faults-test", "platform.faults.enabled=true", "platform.faults.token=s3cret",
        "management.endpoints.web.exposure.include=health,faults", "eureka.client.enabled=false" })
class FaultsEndpointTest {

    private static final String TOKEN = "s3cret";

    @LocalServerPort
    private int port;

    @Autowired
    private RestClient.Builder restClientBuilder;

    @Autowired
    private MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void clearRules() throws Exception {
        send("DELETE", "/actuator/faults", TOKEN, null);
    }

    @Test
    void refusesCallsWithoutTheRightToken() throws Exception {
        HttpResponse<String> missing = send("GET", "/actuator/faults", null, null);
        HttpResponse<String> wrong = send("POST", "/actuator/faults", "guess", rule("inbound-http", "/api/**", "\"refuse\":true"));

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(missing.body()).path("status").asInt()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(rules()).isEmpty();
    }

    @Test
    void addsListsRemovesAndClearsRules() throws Exception {
        HttpResponse<String> added = send("POST", "/actuator/faults", TOKEN,
                rule("inbound-http", "/api/things", "\"latency\":\"2s\",\"jitter\":\"500ms\",\"errorRate\":0.5"));
        JsonNode rule = json.readTree(added.body());
        send("POST", "/actuator/faults", TOKEN, rule("kafka", "inventory.ReserveStock", "\"duplicateDelivery\":true"));

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(rule.path("id").asText()).isNotBlank();
        assertThat(rule.path("target").path("type").asText()).isEqualTo("inbound-http");
        assertThat(rule.path("latency").asText()).isEqualTo("PT2S");
        assertThat(rule.path("errorStatus").asInt()).isEqualTo(503);
        assertThat(rules()).hasSize(2);
        assertThat(meters.get("faults.active").gauge().value()).isEqualTo(2.0);

        assertThat(send("DELETE", "/actuator/faults/" + rule.path("id").asText(), TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(rules()).hasSize(1);
        assertThat(send("DELETE", "/actuator/faults", TOKEN, null).statusCode()).isEqualTo(200);
        assertThat(rules()).isEmpty();
    }

    @Test
    void rejectsAnInvalidRule() throws Exception {
        assertThat(send("POST", "/actuator/faults", TOKEN, rule("database", "x", "\"refuse\":true")).statusCode()).isEqualTo(400);
        assertThat(send("POST", "/actuator/faults", TOKEN, rule("inbound-http", "/api/**", "\"errorRate\":2")).statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/actuator/faults", TOKEN, rule("inbound-http", "/api/**", "")).statusCode()).isEqualTo(400);
    }

    /** Strict like every request body, answered like every error, naming no Java type. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /actuator/faults         | text/plain       | {"target":{"type":"kafka","name":"a.B"},"refuse":true}            | 415
            POST   | /actuator/faults         | application/json | {"target":{"type":"kafka","name":"a.B"},"refuse":true,"extra":1}  | 400
            POST   | /actuator/faults         | application/json | {"target":[],"latency":"1ms"}                                     | 400
            DELETE | /actuator/faults/no-such |                  |                                                                   | 404
            """)
    void answersAWrongCallWithProblemDetailsAndChangesNothing(String method, String path, String contentType,
            String body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header(FaultTokenFilter.HEADER, TOKEN);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> refused = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(status);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).doesNotContain("io.microplatform", "java.", "Exception");
        assertThat(rules()).isEmpty();
    }

    @Test
    void takesACrashRuleAndAKafkaRuleNarrowedToAShareOfKeys() throws Exception {
        JsonNode crash = add(rule("kafka", "payment.RefundPayment", "\"crash\":\"after-commit\""));
        JsonNode share = add(rule("kafka", "order.OrderPlaced", "\"errorRate\":1,\"keyShare\":0.25"));

        assertThat(crash.path("crash").asText()).isEqualTo("after-commit");
        assertThat(share.path("keyShare").asDouble()).isEqualTo(0.25);
        assertThat(rules()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kafka         | payment.RefundPayment | "crash":"mid-commit"          | crash must be before-commit or after-commit, was mid-commit
            outbound-http | inventory-service     | "crash":"before-commit"       | crash applies to kafka and inbound-http targets only
            inbound-http  | /api/orders           | "errorRate":1,"keyShare":0.25 | keyShare applies to kafka targets only (a record's key is its order id)
            kafka         | order.OrderPlaced     | "errorRate":1,"keyShare":0    | keyShare must be above 0 and at most 1, was 0.0
            """)
    void refusesACrashOrKeyShareWhereItDoesNotApplyAndNamesTheField(String type, String name, String effects,
            String detail) throws Exception {
        HttpResponse<String> refused = send("POST", "/actuator/faults", TOKEN, rule(type, name, effects));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(json.readTree(refused.body()).path("detail").asText()).isEqualTo(detail);
        assertThat(rules()).isEmpty();
    }

    @Test
    void holdsAnInboundRouteForItsLatencyWhileOtherRoutesAnswer() throws Exception {
        // long enough that the other route's answer comes first even on a busy machine
        add(rule("inbound-http", "/api/things", "\"latency\":\"5s\",\"jitter\":\"200ms\""));
        double delayed = injected("inbound-http", "/api/things", "latency");

        CompletableFuture<HttpResponse<String>> slowed = sendAsync("/api/things");
        // the filter counts the fault before it waits: from here on the call is held
        await().atMost(Duration.ofSeconds(10))
                .until(() -> injected("inbound-http", "/api/things", "latency") == delayed + 1);
        HttpResponse<String> other = send("GET", "/api/other", null, null);

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(slowed).as("still held while another route answered").isNotDone();
        assertThat(slowed).succeedsWithin(Duration.ofSeconds(15)).extracting(HttpResponse::statusCode).isEqualTo(200);
    }

    @Test
    void failsAboutTheRuleShareOfInboundCallsAndRefusesWithoutRunningTheHandler() throws Exception {
        add(rule("inbound-http", "/api/**", "\"errorRate\":0.5,\"errorStatus\":502"));

        long failed = IntStream.range(0, 200).map(i -> status("/api/things")).filter(status -> status == 502).count();

        assertThat(failed).isBetween(70L, 130L);
        assertThat(injected("inbound-http", "/api/**", "error")).isEqualTo(failed);

        send("DELETE", "/actuator/faults", TOKEN, null);
        add(rule("inbound-http", "/api/things", "\"refuse\":true"));
        long handled = App.handled.get();
        HttpResponse<String> refused = send("GET", "/api/things", null, null);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json.readTree(refused.body()).path("detail").asText()).contains("fault injection");
        assertThat(App.handled.get()).isEqualTo(handled);
    }

    @Test
    void refusesAnOutboundCallThroughBootsRestClientBuilder() throws Exception {
        RestClient client = restClientBuilder.baseUrl("http://localhost:" + port).build();
        assertThat(client.get().uri("/api/things").retrieve().body(String.class)).isEqualTo("things");

        add(rule("outbound-http", "localhost", "\"refuse\":true"));
        long handled = App.handled.get();

        assertThatThrownBy(() -> client.get().uri("/api/things").retrieve().body(String.class))
                .isInstanceOf(ResourceAccessException.class).hasRootCauseInstanceOf(ConnectException.class);
        assertThat(App.handled.get()).isEqualTo(handled);
        assertThat(injected("outbound-http", "localhost", "refuse")).isEqualTo(1.0);
    }

    @Test
    void answersAnOutboundCallWithTheRuleStatus() throws Exception {
        RestClient client = restClientBuilder.baseUrl("http://localhost:" + port).build();
        add(rule("outbound-http", "localhost", "\"errorRate\":1.0"));

        Integer status = client.get().uri("/api/things").exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(503);
    }

    @Test
    void matchesAnExternalProviderOnASharedHostByItsPath() throws Exception {
        RestClient client = restClientBuilder.baseUrl("http://localhost:" + port).build();
        add(rule("outbound-http", "/api/other/**", "\"refuse\":true"));

        assertThat(client.get().uri("/api/things").retrieve().body(String.class)).isEqualTo("things");
        assertThatThrownBy(() -> client.get().uri("/api/other").retrieve().body(String.class))
                .hasRootCauseInstanceOf(ConnectException.class);
    }

    private int status(String path) {
        try {
            return send("GET", path, null, null).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double injected(String type, String target, String effect) {
        return TypedRecordTopic.injected(meters, type, target, effect);
    }

    private JsonNode rules() throws Exception {
        return json.readTree(send("GET", "/actuator/faults", TOKEN, null).body()).path("rules");
    }

    private JsonNode add(String rule) throws Exception {
        HttpResponse<String> added = send("POST", "/actuator/faults", TOKEN, rule);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return json.readTree(added.body());
    }

    private static String rule(String type, String name, String effects) {
        return "{\"target\":{\"type\":\"" + type + "\",\"name\":\"" + name + "\"}" + (effects.isEmpty() ? "" : "," + effects)
                + "}";
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header(FaultTokenFilter.HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(App.Things.class)
    static class App {

        static final java.util.concurrent.atomic.AtomicLong handled = new java.util.concurrent.atomic.AtomicLong();

        @RestController
        static class Things {

            @GetMapping("/api/things")
            String things() {
                handled.incrementAndGet();
                return "things";
            }

            @GetMapping("/api/other")
            String other() {
                return "other";
            }
        }
    }
}
