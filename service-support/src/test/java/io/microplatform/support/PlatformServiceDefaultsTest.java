package io.microplatform.support;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared defaults resolve to the local stack, and environment variables move them. */
class PlatformServiceDefaultsTest {

    @Test
    void pointsAtTheLocalStackByDefault() throws IOException {
        assertResolves(Map.of(), Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:15432/inventory_service",
                "spring.datasource.username", "inventory_service",
                "spring.datasource.password", "inventory_service",
                "spring.kafka.bootstrap-servers", "127.0.0.1:19092",
                "eureka.client.service-url.defaultZone", "http://127.0.0.1:8761/eureka/",
                "eureka.instance.instance-id", "inventory-service:8083",
                "server.address", "127.0.0.1"));
    }

    @Test
    void followsTheEnvironmentVariablesContainersSet() throws IOException {
        assertResolves(Map.of(
                "DB_HOST", "postgres", "DB_PORT", "5432", "DB_NAME", "inventory", "DB_USERNAME", "app", "DB_PASSWORD", "secret",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "EUREKA_URL", "http://registry:8761/eureka/", "SERVER_ADDRESS", "0.0.0.0"),
                Map.of("spring.datasource.url", "jdbc:postgresql://postgres:5432/inventory",
                        "spring.datasource.username", "app", "spring.datasource.password", "secret",
                        "spring.kafka.bootstrap-servers", "kafka:9092",
                        "eureka.client.service-url.defaultZone", "http://registry:8761/eureka/",
                        "server.address", "0.0.0.0"));
    }

    // replicas on one port (Kubernetes, compose) register under their pod's or container's name; ReplicasOnOnePortIT
    // (registry-service) registers two with the real registry
    @Test
    void namesTheInstanceAfterItsPodWhereReplicasShareAPort() throws IOException {
        assertResolves(Map.of("INSTANCE_NAME", "inventory-service-6f7d9c8b5-x2k4p"), Map.of(
                "eureka.instance.instance-id", "inventory-service:inventory-service-6f7d9c8b5-x2k4p",
                "management.metrics.tags.instance", "inventory-service:inventory-service-6f7d9c8b5-x2k4p"));
    }

    @Test
    void tagsMetricsWithTheInstanceIdOfTheLocalStack() throws IOException {
        assertResolves(Map.of(), Map.of("management.metrics.tags.instance", "inventory-service:8083"));
    }

    @Test
    void followsTheSharedPortVariablesOfDotEnv() throws IOException {
        assertResolves(Map.of("POSTGRES_PORT", "25432", "KAFKA_PORT", "29092", "REGISTRY_SERVICE_PORT", "9761"), Map.of(
                "spring.datasource.url", "jdbc:postgresql://127.0.0.1:25432/inventory_service",
                "spring.kafka.bootstrap-servers", "127.0.0.1:29092",
                "eureka.client.service-url.defaultZone", "http://127.0.0.1:9761/eureka/"));
    }

    // pgjdbc passes options to the server as session settings (DatabaseOutageIT in messaging-support reads them back)
    @Test
    void limitsEveryDatabaseSessionAndTheWaitForAConnection() throws IOException {
        assertResolves(Map.of(), Map.of(
                "spring.datasource.hikari.data-source-properties.options",
                "-c statement_timeout=15s -c lock_timeout=5s -c idle_in_transaction_session_timeout=30s",
                "spring.datasource.hikari.connection-timeout", "3000",
                "spring.datasource.hikari.validation-timeout", "2000"));
    }

    @Test
    void movesTheDatabaseTimeoutsWithTheirEnvironmentVariables() throws IOException {
        assertResolves(Map.of("DB_STATEMENT_TIMEOUT", "2min", "DB_LOCK_TIMEOUT", "1s",
                "DB_IDLE_IN_TRANSACTION_TIMEOUT", "0", "DB_CONNECTION_TIMEOUT", "10000", "DB_VALIDATION_TIMEOUT", "5000"), Map.of(
                "spring.datasource.hikari.data-source-properties.options",
                "-c statement_timeout=2min -c lock_timeout=1s -c idle_in_transaction_session_timeout=0",
                "spring.datasource.hikari.connection-timeout", "10000",
                "spring.datasource.hikari.validation-timeout", "5000"));
    }

    // docs/errors.md states both figures; the request body limit itself is platform.web.max-request-body (64 KB)
    @Test
    void limitsRequestHeadersAndFormBodies() throws IOException {
        assertResolves(Map.of(), Map.of("server.max-http-request-header-size", "8KB",
                "server.tomcat.max-http-form-post-size", "64KB"));
    }

    @Test
    void readinessWaitsForDatabaseBrokerAndDiscovery() throws IOException {
        Binder binder = Binder.get(environment(Map.of()));

        assertThat(binder.bind("management.endpoint.health.group.readiness.include", Bindable.listOf(String.class)).get())
                .containsExactly("readinessState", "db", "kafka", "discovery");
        assertThat(binder.bind("management.endpoint.health.group.liveness.include", Bindable.listOf(String.class)).get())
                .containsExactly("livenessState");
    }

    @Test
    void turnsExemplarsOffUnderTheExactPrometheusPropertyName() throws IOException {
        Binder binder = Binder.get(environment(Map.of()));

        // the Prometheus client reads this key case-sensitively; the brackets in the YAML keep its case and dots
        assertThat(binder.bind("management.prometheus.metrics.export.properties", Bindable.mapOf(String.class, String.class)).get())
                .containsEntry("io.prometheus.exporter.exemplarsOnAllMetricTypes", "false");
    }

    // every expected key at once, so that a failure shows each property that resolved otherwise
    private static void assertResolves(Map<String, Object> variables, Map<String, String> expected) throws IOException {
        StandardEnvironment environment = environment(variables);
        Map<String, String> resolved = new HashMap<>();
        expected.keySet().forEach(key -> resolved.put(key, environment.getProperty(key)));
        assertThat(resolved).isEqualTo(expected);
    }

    // what a service's application.yml contributes, plus the environment variables, over the shared file
    private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("defaults", new ClassPathResource("platform-service-defaults.yml"))
                .forEach(environment.getPropertySources()::addLast);
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", Map.of(
                "spring.application.name", "inventory-service", "server.port", "8083", "platform.database", "inventory_service")));
        return environment;
    }
}
