package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What every business service promises once it runs against real PostgreSQL and Kafka: readiness that includes its
 * database, the broker and the first registry fetch; liveness that asks none of them; metrics tagged with its name.
 * A service's full-stack test (a {@code @SpringBootTest} on a random port with metrics export on) extends it.
 */
public abstract class RunningServiceContract {

    private static final String READY = """
            {"status":"UP","components":{
              "readinessState":{"status":"UP"},"db":{"status":"UP"},"kafka":{"status":"UP"},"discovery":{"status":"UP"}}}
            """;

    private final String application;

    @Autowired
    protected TestRestTemplate http;

    protected RunningServiceContract(String application) {
        this.application = application;
    }

    @Test
    void isReadyWhenDatabaseBrokerAndDiscoveryAre() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
            assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
            JSONAssert.assertEquals(READY, readiness.getBody(), JSONCompareMode.LENIENT);
        });
    }

    @Test
    void isAliveWithoutAskingItsDependencies() throws Exception {
        JSONAssert.assertEquals("""
                {"status":"UP","components":{"livenessState":{"status":"UP"}}}
                """, http.getForObject("/actuator/health/liveness", String.class), JSONCompareMode.STRICT);
    }

    @Test
    void tagsMetricsWithTheServiceName() {
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .contains("application=\"" + application + "\"");
    }
}
