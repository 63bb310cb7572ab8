package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What every business service promises once it runs against real PostgreSQL and Kafka: readiness that includes its
 * database, the broker and the first registry fetch; liveness that asks none of them; metrics tagged with its name;
 * over HTTP the health status only, its contributors' details for no one (show-details: when-authorized, and no one
 * is). What the groups hold is read from the health endpoint itself, as actuator would show it to an authorized
 * caller. A service's full-stack test (a {@code @SpringBootTest} on a random port with metrics export on) extends it.
 */
public abstract class RunningServiceContract {

    private static final String READY = """
            {"status":"UP","components":{
              "readinessState":{"status":"UP"},"db":{"status":"UP"},"kafka":{"status":"UP"},"discovery":{"status":"UP"}}}
            """;

    private final String application;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    private HealthEndpoint health;

    protected RunningServiceContract(String application) {
        this.application = application;
    }

    @Test
    void isReadyWhenDatabaseBrokerAndDiscoveryAre() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
            assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
            JSONAssert.assertEquals(READY, json.writeValueAsString(health.healthForPath("readiness")),
                    JSONCompareMode.LENIENT);
        });
    }

    @Test
    void isAliveWithoutAskingItsDependencies() throws Exception {
        JSONAssert.assertEquals("""
                {"status":"UP","components":{"livenessState":{"status":"UP"}}}
                """, json.writeValueAsString(health.healthForPath("liveness")), JSONCompareMode.STRICT);
        assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void tellsAnonymousCallersTheStatusWithoutDetails() throws Exception {
        for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" }) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> JSONAssert.assertEquals("""
                    {"status":"UP"}
                    """, http.getForObject(path, String.class), JSONCompareMode.LENIENT));
            assertThat(http.getForObject(path, String.class)).as(path).doesNotContain("components", "details");
        }
    }

    @Test
    void tagsMetricsWithTheServiceName() {
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("application=\"" + application + "\"");
    }
}
