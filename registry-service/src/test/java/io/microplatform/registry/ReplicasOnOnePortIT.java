package io.microplatform.registry;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two replicas of one service on one port, as Kubernetes runs them (two pods, each listening on 8083), registered by
 * the real Spring Cloud Eureka client with this registry. The replicas run with the configuration every business
 * service imports, service-support's platform-service-defaults.yml, read from its source: service-support itself on
 * this classpath would bring its auto-configuration into the registry under test. With the instance id name:port the
 * second registration replaced the first, and only one replica got traffic (Netflix eureka issue 902).
 */
// the registry named, or the nested Replica below would be taken for the test's configuration
@SpringBootTest(classes = RegistryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReplicasOnOnePortIT {

    private static final Path SHARED_DEFAULTS =
            Path.of("..", "service-support", "src", "main", "resources", "platform-service-defaults.yml");
    // a fixed free port rather than server.port=0: the registry's own client must know it to register with itself
    private static final int PORT = freePort();

    private final EurekaRestApi eureka = EurekaRestApi.at(PORT);

    @DynamicPropertySource
    static void registryPort(DynamicPropertyRegistry registry) {
        registry.add("REGISTRY_SERVICE_PORT", () -> PORT);
    }

    @Test
    void listsTwoPodsOnOnePortAsTwoInstances() {
        try (Replicas replicas = new Replicas()) {
            replicas.start("inventory-service", 8083, "inventory-service-6f7d9c8b5-x2k4p");
            replicas.start("inventory-service", 8083, "inventory-service-6f7d9c8b5-q8w3n");

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(eureka.instanceIdsOf("INVENTORY-SERVICE")).containsExactlyInAnyOrder(
                            "inventory-service:inventory-service-6f7d9c8b5-x2k4p",
                            "inventory-service:inventory-service-6f7d9c8b5-q8w3n"));
            assertThat(eureka.instancesOf("INVENTORY-SERVICE"))
                    .allSatisfy(instance -> assertThat(instance.path("port").path("$").asInt()).isEqualTo(8083));
        }
    }

    // the local stack's ids, which its launcher, demos and tests address instances by, stay as they were
    @Test
    void listsTheLocalStacksReplicasByNameAndPort() {
        try (Replicas replicas = new Replicas()) {
            replicas.start("shipping-service", 8084, null);
            replicas.start("shipping-service", 8184, null);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(eureka.instanceIdsOf("SHIPPING-SERVICE"))
                            .containsExactlyInAnyOrder("shipping-service:8084", "shipping-service:8184"));
        }
    }

    /** Eureka clients of one service, each in its own application context; closing them cancels their leases. */
    private static final class Replicas implements AutoCloseable {

        private final List<ConfigurableApplicationContext> running = new ArrayList<>();

        void start(String service, int port, String instanceName) {
            assertThat(SHARED_DEFAULTS).as("the services' shared configuration").isRegularFile();
            List<String> arguments = new ArrayList<>(List.of(
                    // the shared file alone: this classpath's application.yml is the registry's
                    "--spring.config.location=file:" + SHARED_DEFAULTS.toAbsolutePath().normalize(),
                    // what a service's own application.yml adds
                    "--spring.application.name=" + service,
                    "--server.port=" + port,
                    "--platform.database=" + service.replace('-', '_'),
                    // no database, broker or service-support here: the readiness group's members do not exist
                    "--management.endpoint.health.validate-group-membership=false",
                    // the services' HTTP transport (RestClient); the Jersey client on this classpath is the server's
                    "--eureka.client.jersey.enabled=false",
                    "--EUREKA_URL=http://127.0.0.1:" + PORT + "/eureka/"));
            if (instanceName != null) {
                // as the pod's environment variable (k8s/base: the downward API's metadata.name)
                arguments.add("--INSTANCE_NAME=" + instanceName);
            }
            // no web server: both replicas "listen" on the same port, as two pods do
            running.add(new SpringApplicationBuilder(Replica.class).web(WebApplicationType.NONE)
                    .run(arguments.toArray(String[]::new)));
        }

        @Override
        public void close() {
            running.forEach(ConfigurableApplicationContext::close);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Replica {
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
