package io.microplatform.support.management;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actuator on a port of its own (management.server.port, as k8s/base sets it) with fault injection on (the dev
 * overlay): the endpoints are on that port only, and the faults endpoint keeps its token check and its POST there.
 */
@SpringBootTest(classes = FaultsOnTheManagementPortTest.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.import=classpath:platform-service-defaults.yml",
                "spring.application.name=exposure", "platform.database=exposure", "eureka.client.enabled=false", "management.server.port=0",
                "platform.faults.enabled=true", "platform.faults.token=" + FaultsOnTheManagementPortTest.TOKEN,
                "management.health.db.enabled=false", "management.health.kafka.enabled=false",
                "management.endpoint.health.validate-group-membership=false",
        // a @SpringBootTest switches metrics export off unless told otherwise; the services export to Prometheus
        "management.prometheus.metrics.export.enabled=true" })
class FaultsOnTheManagementPortTest {

    static final String TOKEN = "s3cret";
    private static final String RULE = "{\"target\":{\"type\":\"inbound-http\",\"name\":\"/api/**\"},\"refuse\":true}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @AfterEach
    void clearRules() throws Exception {
        send(managementPort, "DELETE", "/actuator/faults", TOKEN, null);
    }

    @Test
    void servesActuatorOnTheManagementPortOnly() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(send(managementPort, "GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(send(managementPort, "GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(200);
        assertThat(send(port, "GET", "/actuator/health", null, null).statusCode()).isEqualTo(404);
        assertThat(send(port, "GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void exposesTheFaultsEndpointBecauseFaultInjectionIsOn() throws Exception {
        assertThat(json.readTree(send(managementPort, "GET", "/actuator", null, null).body()).path("_links")
                .has("faults")).isTrue();
    }

    @Test
    void checksTheTokenOnTheManagementPort() throws Exception {
        assertThat(send(managementPort, "GET", "/actuator/faults", null, null).statusCode()).isEqualTo(401);
        assertThat(send(managementPort, "DELETE", "/actuator/faults", "guess", null).statusCode()).isEqualTo(403);
        assertThat(send(managementPort, "POST", "/actuator/faults", null, RULE).statusCode()).isEqualTo(401);
        assertThat(send(managementPort, "GET", "/actuator/faults", TOKEN, null).statusCode()).isEqualTo(200);
    }

    @Test
    void addsRulesOnTheManagementPortAndNowhereElse() throws Exception {
        assertThat(send(port, "POST", "/actuator/faults", TOKEN, RULE).statusCode()).isEqualTo(404);
        assertThat(send(managementPort, "POST", "/actuator/faults", TOKEN, RULE).statusCode()).isEqualTo(201);

        assertThat(json.readTree(send(managementPort, "GET", "/actuator/faults", TOKEN, null).body()).path("rules"))
                .hasSize(1);
    }

    private HttpResponse<String> send(int to, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("X-Fault-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}
