package io.microplatform.support.faults;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faults endpoint's token cannot be stepped around by spelling its path differently: each spelling below, sent
 * byte for byte (an HTTP client would normalize it), lists, clears or adds rules only with the token. Before the
 * normalized check, {@code ;x=y}, {@code /actuator;a=b/faults} and {@code %66aults} listed the rules without it
 * (measured: Spring MVC routes them to the endpoint, the old filter compared the raw path).
 */
@SpringBootTest(classes = FaultTokenBypassTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=fault-token-test", "platform.faults.enabled=true", "platform.faults.token=s3cret",
        "management.endpoints.web.exposure.include=health,faults", "eureka.client.enabled=false" })
class FaultTokenBypassTest {

    private static final String TOKEN_HEADER = FaultTokenFilter.HEADER + ": s3cret\r\n";
    private static final String RULE = "{\"target\":{\"type\":\"inbound-http\",\"name\":\"/api/kept\"},\"refuse\":true}";

    @LocalServerPort
    private int port;

    private RawHttp http;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void addOneRule() throws IOException {
        http = new RawHttp(port);
        assertThat(http.json("POST", "/actuator/faults", RULE, TOKEN_HEADER).status()).isEqualTo(201);
    }

    @AfterEach
    void clearRules() throws IOException {
        http.send("DELETE /actuator/faults HTTP/1.1\r\nHost: a\r\n" + TOKEN_HEADER + "Connection: close\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/faults", "/actuator//faults", "//actuator/faults", "/actuator/faults/",
            "/actuator/faults;x=y", "/actuator;a=b/faults", "/actuator/faults;", "/actuator/%66aults",
            "/actuator/%2566aults", "/%61ctuator/faults", "/ACTUATOR/faults", "/actuator/Faults", "/actuator/./faults",
            "/./actuator/faults", "/api/../actuator/faults", "/actuator/faults/.", "/actuator/faults/x/..",
            "/actuator/faults?x=y", "http://localhost/actuator/faults", "/actuator/faults%3B" })
    void refusesEverySpellingWithoutTheToken(String path) throws IOException {
        RawHttp.Response listed = http.get(path);
        RawHttp.Response cleared = http.send("DELETE " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        RawHttp.Response added = http.json("POST", path, RULE.replace("/api/kept", "/api/added"));

        for (RawHttp.Response refused : new RawHttp.Response[] { listed, cleared, added }) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(json.readTree(refused.body()).path("status").asInt()).isEqualTo(401);
            assertThat(refused.body()).doesNotContain("rules", "cleared", "/api/kept");
        }
        assertThat(ruleNames()).containsExactly("/api/kept");
    }

    /** An encoded slash or backslash never reaches a filter: Tomcat refuses the request, and nothing changes. */
    @ParameterizedTest
    @ValueSource(strings = { "/actuator%2Ffaults", "/actuator%5Cfaults", "/actuator/faults%2F", "/actuator\\faults" })
    void refusesSpellingsTomcatRejectsBeforeAnyFilter(String path) throws IOException {
        RawHttp.Response listed = http.get(path);
        RawHttp.Response cleared = http.send("DELETE " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(listed.status()).isEqualTo(400);
        assertThat(cleared.status()).isEqualTo(400);
        assertThat(listed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ruleNames()).containsExactly("/api/kept");
    }

    @Test
    void refusesAWrongTokenOfAnyLengthWith403() throws IOException {
        for (String wrong : new String[] { "s", "s3cre", "s3cret!", "s3cret" + "x".repeat(1000), "S3CRET" }) {
            RawHttp.Response refused = http.get("/actuator/%66aults", FaultTokenFilter.HEADER + ": " + wrong + "\r\n");
            assertThat(refused.status()).as(wrong).isEqualTo(403);
        }
        assertThat(ruleNames()).containsExactly("/api/kept");
    }

    @Test
    void normalizesThePathAsTheMostLenientRouterWould() {
        assertThat(FaultTokenFilter.normalize("/Actuator;a=b//./x/../%66aults;x=y/")).isEqualTo("/actuator/faults");
        assertThat(FaultTokenFilter.normalize("/actuator/%2566aults")).isEqualTo("/actuator/faults");
        assertThat(FaultTokenFilter.normalize("/actuator\\faults")).isEqualTo("/actuator/faults");
        assertThat(FaultTokenFilter.normalize("/../../actuator/faults")).isEqualTo("/actuator/faults");
        assertThat(FaultTokenFilter.normalize("/api/%zz")).isEqualTo("/api/%zz");
    }

    private java.util.List<String> ruleNames() throws IOException {
        RawHttp.Response listed = http.get("/actuator/faults", TOKEN_HEADER);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode rules = json.readTree(listed.body()).path("rules");
        java.util.List<String> names = new java.util.ArrayList<>();
        rules.forEach(rule -> names.add(rule.path("target").path("name").asText()));
        return names;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
