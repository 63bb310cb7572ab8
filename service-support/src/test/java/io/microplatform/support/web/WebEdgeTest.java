package io.microplatform.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.support.RawHttp;
import io.microplatform.support.problems.ProblemDetailsHandler;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web edge of a service against a real Tomcat, with raw requests (an HTTP client would encode or refuse them):
 * every refusal is problem+json, from Tomcat's own checks before any filter runs to the JSON policy of request bodies.
 */
@SpringBootTest(classes = WebEdgeTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.import=classpath:platform-service-defaults.yml", "spring.application.name=web-edge-test",
        "platform.database=unused", "eureka.client.enabled=false",
        "management.endpoint.health.validate-group-membership=false" })
class WebEdgeTest {

    private static final String VALID = "{\"name\":\"a\",\"quantity\":2,\"price\":5,\"gift\":true,\"tags\":[\"x\"]}";

    @LocalServerPort
    private int port;

    @Autowired
    private RestClient.Builder restClients;

    private RawHttp http;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void connect() {
        http = new RawHttp(port);
    }

    /** Measured: Tomcat answers each of these 400 itself (its HTML page before), before any filter or servlet. */
    @ParameterizedTest
    @ValueSource(strings = { "/api/things/%", "/api/things/%zz", "/api/things/%00", "/api/things/a%2Fb",
            "/api/things/a%5Cb", "/api/things/a\\b", "/api/things/{x}", "/api/things/a|b", "/api/things/a b",
            "/api/../../etc", "/api/things#x", "api/things", "/api/things/\u0001" })
    void answersARequestTargetTomcatRefusesWithProblemDetails(String target) throws IOException {
        assertProblem(http.get(target), 400);
    }

    @Test
    void answersHeadersLargerThanTheLimitWithProblemDetails() throws IOException {
        assertProblem(http.get("/api/things", "X-Big: " + "x".repeat(9 * 1024) + "\r\n"), 400);
    }

    @Test
    void answersMalformedHeadersAndFramingWithProblemDetails() throws IOException {
        assertProblem(http.get("/api/things", "Bad Header: x\r\n"), 400);
        assertProblem(http.send("GET /api/things HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
        assertProblem(http.send("POST /api/things HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Content-Length: abc\r\nConnection: close\r\n\r\n{}"), 400);
        assertProblem(http.send("GET /api/things HTTP/9.9\r\nHost: a\r\nConnection: close\r\n\r\n"), 505);
    }

    @Test
    void answersBootsErrorPathWithProblemDetailsWhateverTheClientAccepts() throws IOException {
        JsonNode direct = assertProblem(http.get("/error", "Accept: text/html\r\n"), 404);
        JsonNode unknown = assertProblem(http.get("/nope", "Accept: text/html\r\n"), 404);
        JsonNode forwarded = assertProblem(http.get("/api/teapot", "Accept: text/html\r\n"), 418);

        assertThat(direct.path("detail").asText()).isEqualTo("No endpoint GET /error");
        assertThat(unknown.path("instance").asText()).isEqualTo("/nope");
        assertThat(forwarded.path("instance").asText()).isEqualTo("/api/teapot");
    }

    @Test
    void answersTheFrameworksRefusalsWithProblemDetails() throws IOException {
        assertProblem(http.send("DELETE /api/things HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), 405);
        RawHttp.Response trace = http.send("TRACE /api/things HTTP/1.1\r\nHost: a\r\nCookie: secret=1\r\n"
                + "Connection: close\r\n\r\n");
        assertProblem(trace, 405);
        assertThat(trace.body()).as("no echo of the request (cross-site tracing)").doesNotContain("secret");
        assertProblem(http.send("BREW /api/things HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"), 405);
        assertProblem(http.send("POST /api/things HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 5\r\nConnection: close\r\n\r\nhello"), 415);
    }

    /** Ids are opaque: one that cannot be an identifier names nothing, and never reaches a query. */
    @ParameterizedTest
    @ValueSource(strings = { "%01X", "X%7F", "a%20b", "%C3%A9", "-leading-dash" })
    void answersAnIdInThePathThatCannotBeOneWith404(String id) throws IOException {
        JsonNode problem = assertProblem(http.get("/api/things/" + id), 404);

        assertThat(problem.path("detail").asText()).startsWith("No resource with id ");
        assertThat(App.handled).doesNotContain(problem.path("id").asText());
    }

    @Test
    void answersAnIdLongerThanAnyWith404AndAWellFormedOneAsUsual() throws IOException {
        assertProblem(http.get("/api/things/" + "a".repeat(InputInPathAndQuery.ID_MAX + 1)), 404);
        assertThat(http.get("/api/things/SKU-01.a_b").body()).isEqualTo("thing SKU-01.a_b");
        assertThat(http.get("/api/things/" + "a".repeat(InputInPathAndQuery.ID_MAX)).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "?q=%00", "?q=a%01b", "?q=ok&q=%7F", "?%00=x" })
    void answersAControlCharacterInAQueryParameterWith400(String query) throws IOException {
        JsonNode problem = assertProblem(http.get("/api/things" + query), 400);

        assertThat(problem.path("detail").asText()).endsWith("must not contain control characters");
    }

    /** Only request bodies are strict: a response of a newer service, with a field this one does not know, is read. */
    @Test
    void readsAResponseWithAnUnknownFieldThroughBootsRestClient() {
        App.Thing thing = restClients.baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/api/newer-thing").retrieve().body(App.Thing.class);

        assertThat(thing.name()).isEqualTo("a");
    }

    @Test
    void readsAValidBody() throws IOException {
        RawHttp.Response response = http.json("POST", "/api/things", VALID);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("tags").path(0).asText()).isEqualTo("x");
    }

    /** The JSON policy (docs/errors.md): no coercion, no unknown fields, each key once. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"name":123}               | name     | has the wrong type
            {"name":1.5}               | name     | has the wrong type
            {"name":true}              | name     | has the wrong type
            {"name":{"a":1}}           | name     | has the wrong type
            {"quantity":"2"}           | quantity | has the wrong type
            {"quantity":1.5}           | quantity | has the wrong type
            {"quantity":true}          | quantity | has the wrong type
            {"quantity":""}            | quantity | has the wrong type
            {"price":"5.00"}           | price    | has the wrong type
            {"gift":"true"}            | gift     | has the wrong type
            {"gift":1}                 | gift     | has the wrong type
            {"gift":null}              | gift     | must not be null
            {"name":"a"}               | gift     | must not be null
            {"tags":"x"}               | tags     | has the wrong type
            {"tags":[1]}               | tags[0]  | has the wrong type
            {"gift":true,"colour":"red"} | colour | is not a field of this request
            {"gift":true,"extra":{}}   | extra    | is not a field of this request
            """)
    void answersAValueOfTheWrongTypeOrAnUnknownFieldNamingTheField(String body, String field, String message)
            throws IOException {
        JsonNode problem = assertProblem(http.json("POST", "/api/things", body), 400);

        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo(field);
        assertThat(problem.path("errors").path(0).path("message").asText()).isEqualTo(message);
    }

    @Test
    void answersAKeyTwiceWith400NamingIt() throws IOException {
        JsonNode top = assertProblem(http.json("POST", "/api/things", "{\"gift\":true,\"name\":\"a\",\"name\":\"b\"}"), 400);
        JsonNode nested = assertProblem(http.json("POST", "/api/things",
                "{\"gift\":true,\"line\":{\"sku\":\"x\",\"sku\":\"y\"}}"), 400);

        assertThat(top.path("title").asText()).isEqualTo("Malformed request body");
        assertThat(top.path("detail").asText()).isEqualTo("The request body has a key twice in one object: 'name'");
        assertThat(nested.path("detail").asText()).isEqualTo("The request body has a key twice in one object: 'sku'");
    }

    @Test
    void answersBodiesBeyondTheJsonLimitsWith400NamingTheLimit() throws IOException {
        String deep = "{\"gift\":true,\"attributes\":{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}}";
        String longString = "{\"name\":\"" + "x".repeat(30_000) + "\"}";
        String longNumber = "{\"price\":" + "9".repeat(200) + "}";
        String longKey = "{\"" + "k".repeat(300) + "\":1}";

        assertThat(malformed(deep)).isEqualTo("The request body nests deeper than 32 levels");
        assertThat(malformed(longString)).isEqualTo("A string in the request body is longer than 10000 characters");
        assertThat(malformed(longNumber)).isEqualTo("A number in the request body has more than 100 digits");
        assertThat(malformed(longKey)).isEqualTo("A key in the request body is longer than 200 characters");
        assertThat(malformed(VALID + " {}")).startsWith("The request body is not valid JSON");
        assertThat(malformed("{\"name\":\"a\u0000\"}")).startsWith("The request body is not valid JSON");
    }

    /** Overlong '/', an encoded surrogate, a code point past U+10FFFF: Jackson alone would decode each to something. */
    @ParameterizedTest
    @ValueSource(strings = { "c0 af", "ed a0 80", "f4 90 80 80" })
    void answersABodyThatIsNotUtf8With400(String hex) throws IOException {
        String body = "{\"name\":\"a" + new String(HexFormat.ofDelimiter(" ").parseHex(hex), StandardCharsets.ISO_8859_1)
                + "\"}";
        JsonNode problem = assertProblem(http.send("POST /api/things HTTP/1.1\r\nHost: a\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                + body), 400);

        assertThat(problem.path("detail").asText()).isEqualTo("The request body is not valid UTF-8");
    }

    /** No endpoint takes a file, so a multipart body is a media type like any other it does not take. */
    @Test
    void answersAMultipartBodyWith415() throws IOException {
        assertProblem(http.send("POST /api/things HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data\r\n"
                + "Content-Length: " + VALID.length() + "\r\nConnection: close\r\n\r\n" + VALID), 415);
    }

    @Test
    void answersABodyLargerThanTheLimitWith413BeforeReadingIt() throws IOException {
        String padded = "{\"name\":\"" + "x".repeat(9_000) + "\",\"tags\":[" + "\"abcdefgh\",".repeat(7_000) + "\"x\"]}";

        JsonNode declared = assertProblem(http.json("POST", "/api/things", padded), 413);
        JsonNode chunked = assertProblem(http.send("POST /api/things HTTP/1.1\r\nHost: a\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(padded.length()) + "\r\n" + padded + "\r\n0\r\n\r\n"), 413);

        assertThat(padded.length()).isGreaterThan(64 * 1024);
        assertThat(declared.path("maxBytes").asLong()).isEqualTo(64 * 1024);
        assertThat(chunked.path("detail").asText()).isEqualTo("The request body is larger than 65536 bytes");
    }

    private String malformed(String body) throws IOException {
        JsonNode problem = assertProblem(http.json("POST", "/api/things", body), 400);
        assertThat(problem.path("title").asText()).isEqualTo("Malformed request body");
        return problem.path("detail").asText();
    }

    /** problem+json with this status and a title, nothing of Tomcat, of HTML or of an exception. */
    private JsonNode assertProblem(RawHttp.Response response, int status) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<", "Exception", ".java");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ App.Things.class, App.Problems.class })
    static class App {

        static final List<String> handled = new java.util.concurrent.CopyOnWriteArrayList<>();

        record Line(String sku) {
        }

        /** attributes: any JSON, as a Map of Objects reads it, to reach the nesting limit. */
        record Thing(String name, Integer quantity, java.math.BigDecimal price, boolean gift, List<String> tags,
                Line line, java.util.Map<String, Object> attributes) {
        }

        @RestController
        static class Things {

            @GetMapping("/api/things/{id}")
            String thing(@PathVariable String id) {
                handled.add(id);
                return "thing " + id;
            }

            @GetMapping("/api/things")
            String things(@RequestParam(required = false) String q) {
                return "things";
            }

            @PostMapping("/api/things")
            Thing add(@RequestBody Thing thing) {
                return thing;
            }

            /** What a newer version of a service would answer: a field this version's Thing does not have. */
            @GetMapping(value = "/api/newer-thing", produces = "application/json")
            String newerThing() {
                return "{\"name\":\"a\",\"gift\":false,\"addedLater\":1}";
            }

            @GetMapping("/api/teapot")
            void teapot(HttpServletResponse response) throws IOException {
                response.sendError(418);
            }
        }

        /** As every service's ApiExceptionHandler. */
        @RestControllerAdvice
        static class Problems extends ProblemDetailsHandler {
        }
    }
}
