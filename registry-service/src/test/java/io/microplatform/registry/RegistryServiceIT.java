package io.microplatform.registry;

import com.netflix.eureka.cluster.PeerEurekaNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry on a free port, driven over real HTTP through Eureka's REST API. The two timing promises of the dev
 * stack are checked here: a new instance is listed within 10 s, a silent one (killed with -9, so it never cancels
 * its lease) is gone within 30 s. The tests use distinct application names, so they run concurrently: the eviction
 * tests wait ~20 s each, and in parallel the class takes as long as the slower one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureObservability(tracing = false)
@Execution(ExecutionMode.CONCURRENT)
class RegistryServiceIT {

    private static final int RENEWAL_SECONDS = 5;
    private static final int LEASE_SECONDS = 15;
    // Eureka's Lease.renew() sets the last update to now + duration, so once an instance has sent one heartbeat its
    // lease really expires 2 x duration after the last one. With a 15 s lease a kill -9 right after a heartbeat is
    // evicted after up to 35 s; 10 s keeps that under 30 s (2 x 10 s + one 5 s eviction run).
    private static final int KILLED_CLIENT_LEASE_SECONDS = 10;

    // a fixed free port rather than server.port=0: the registry's own client must know it to register with itself
    private static final int PORT = freePort();

    private final EurekaRestApi eureka = EurekaRestApi.at(PORT);

    @Autowired
    private PeerEurekaNodes peerEurekaNodes;

    @DynamicPropertySource
    static void registryPort(DynamicPropertyRegistry registry) {
        registry.add("REGISTRY_SERVICE_PORT", () -> PORT);
    }

    @Test
    void listsItselfAtLoopbackAddress() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(eureka.instancesOf("REGISTRY-SERVICE")).singleElement().satisfies(self -> {
                    assertThat(self.path("instanceId").asText()).isEqualTo("registry-service:" + PORT);
                    assertThat(self.path("ipAddr").asText()).isEqualTo("127.0.0.1");
                    assertThat(self.path("status").asText()).isEqualTo("UP");
                }));
    }

    @Test
    void runsStandaloneWithoutReplicatingToItself() {
        assertThat(peerEurekaNodes.getPeerEurekaNodes())
                .as("peers of a standalone registry whose only configured URL is its own")
                .isEmpty();
    }

    @Test
    void listsNewInstanceWithinTenSeconds() {
        assertThat(eureka.register("LISTING-PROBE", "listing-probe:1", 9001, RENEWAL_SECONDS, LEASE_SECONDS))
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> eureka.instanceIdsOf("LISTING-PROBE"), ids -> ids.contains("listing-probe:1"));
    }

    @Test
    void evictsInstanceThatStopsRenewingWithinThirtySeconds() {
        // registered and then silent, as after kill -9: no heartbeat and no cancel ever arrives
        assertThat(eureka.register("EVICTION-PROBE", "eviction-probe:1", 9002, RENEWAL_SECONDS, LEASE_SECONDS))
                .isEqualTo(204);
        assertThat(eureka.instanceIdsOf("EVICTION-PROBE")).as("listed right after registering")
                .containsExactly("eviction-probe:1");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> eureka.instanceIdsOf("EVICTION-PROBE"), ids -> ids.isEmpty());
    }

    @Test
    void evictsInstanceKilledRightAfterHeartbeatWithinThirtySeconds() {
        assertThat(eureka.register("KILLED-PROBE", "killed-probe:1", 9003, RENEWAL_SECONDS,
                KILLED_CLIENT_LEASE_SECONDS)).isEqualTo(204);
        // the worst moment for a kill -9: right after a heartbeat was accepted
        assertThat(eureka.renew("KILLED-PROBE", "killed-probe:1")).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> eureka.instanceIdsOf("KILLED-PROBE"), ids -> ids.isEmpty());
    }

    @Test
    void servesDashboardProbesAndTaggedMetrics() {
        assertThat(eureka.get("/", "text/html").statusCode()).isEqualTo(200);
        assertThat(eureka.get("/actuator/health/liveness", "application/json").body()).contains("\"UP\"");
        assertThat(eureka.get("/actuator/health/readiness", "application/json").body()).contains("\"UP\"");
        assertThat(eureka.get("/actuator/prometheus", "text/plain").body())
                .contains("application=\"registry-service\"");
    }

    @Test
    void countsInstancesPerServiceAndStatusForPrometheus() {
        assertThat(eureka.register("GAUGE-PROBE", "gauge-probe:1", 9004, RENEWAL_SECONDS, LEASE_SECONDS))
                .isEqualTo(204);

        // refreshed every 5 s
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(eureka.get("/actuator/prometheus", "text/plain").body()).contains(
                        "eureka_instances{app=\"gauge-probe\",application=\"registry-service\",status=\"UP\"} 1.0",
                        "eureka_instances{app=\"registry-service\",application=\"registry-service\",status=\"UP\"} 1.0"));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
