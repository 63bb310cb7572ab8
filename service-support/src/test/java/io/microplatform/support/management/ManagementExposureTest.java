package io.microplatform.support.management;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * What a business service exposes with nothing but the shared defaults (platform-service-defaults.yml), as a
 * deployment that sets no management variable gets it: health, info and prometheus, health without details.
 */
@SpringBootTest(classes = ManagementExposureTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.import=classpath:platform-service-defaults.yml", "spring.application.name=exposure",
        "platform.database=exposure", "eureka.client.enabled=false",
        // no database or broker in this test: their contributors are switched off, the groups need not name them
        "management.health.db.enabled=false", "management.health.kafka.enabled=false",
        "management.endpoint.health.validate-group-membership=false",
        // a @SpringBootTest switches metrics export off unless told otherwise; the services export to Prometheus
        "management.prometheus.metrics.export.enabled=true" })
class ManagementExposureTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void exposesHealthInfoAndPrometheusOnly() throws Exception {
        JsonNode links = json.readTree(get("/actuator").body()).path("_links");

        List<String> exposed = new ArrayList<>();
        links.fieldNames().forEachRemaining(exposed::add);

        assertThat(exposed).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator/metrics", "/actuator/env", "/actuator/configprops", "/actuator/beans",
            "/actuator/loggers", "/actuator/threaddump", "/actuator/heapdump", "/actuator/mappings",
            "/actuator/circuitbreakers", "/actuator/circuitbreakerevents", "/actuator/timelimiters",
            "/actuator/faults", "/actuator/shutdown" })
    void answers404ForEveryOtherEndpoint(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void tellsHealthWithoutItsContributorsDetails() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> readiness = get("/actuator/health/readiness");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        assertThat(json.readTree(health.body()).has("components")).isFalse();
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).has("components")).isFalse();
        assertThat(get("/actuator/health/diskSpace").statusCode()).as("a contributor on its own").isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
