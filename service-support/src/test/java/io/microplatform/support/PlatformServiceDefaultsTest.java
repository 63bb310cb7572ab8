package io.microplatform.support;

import java.io.IOException;
import java.util.List;
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
        StandardEnvironment environment = environment(Map.of());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/inventory_service");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("inventory_service");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("inventory_service");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:19092");
        assertThat(environment.getProperty("eureka.client.service-url.defaultZone")).isEqualTo("http://127.0.0.1:8761/eureka/");
        assertThat(environment.getProperty("eureka.instance.instance-id")).isEqualTo("inventory-service:8083");
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void followsTheEnvironmentVariablesContainersSet() throws IOException {
        StandardEnvironment environment = environment(Map.of(
                "DB_HOST", "postgres", "DB_PORT", "5432", "DB_NAME", "inventory", "DB_USERNAME", "app", "DB_PASSWORD", "secret",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "EUREKA_URL", "http://registry:8761/eureka/", "SERVER_ADDRESS", "0.0.0.0"));

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://postgres:5432/inventory");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("secret");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka:9092");
        assertThat(environment.getProperty("eureka.client.service-url.defaultZone")).isEqualTo("http://registry:8761/eureka/");
        assertThat(environment.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void followsTheSharedPortVariablesOfDotEnv() throws IOException {
        StandardEnvironment environment = environment(Map.of("POSTGRES_PORT", "25432", "KAFKA_PORT", "29092", "REGISTRY_SERVICE_PORT", "9761"));

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:25432/inventory_service");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("127.0.0.1:29092");
        assertThat(environment.getProperty("eureka.client.service-url.defaultZone")).isEqualTo("http://127.0.0.1:9761/eureka/");
    }

    @Test
    void limitsEveryDatabaseSessionAndTheWaitForAConnection() throws IOException {
        StandardEnvironment environment = environment(Map.of());

        // pgjdbc passes options to the server as session settings (DatabaseOutageIT in messaging-support reads them back)
        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.options"))
                .isEqualTo("-c statement_timeout=15s -c lock_timeout=5s -c idle_in_transaction_session_timeout=30s");
        assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("3000");
        assertThat(environment.getProperty("spring.datasource.hikari.validation-timeout")).isEqualTo("2000");
    }

    @Test
    void movesTheDatabaseTimeoutsWithTheirEnvironmentVariables() throws IOException {
        StandardEnvironment environment = environment(Map.of("DB_STATEMENT_TIMEOUT", "2min", "DB_LOCK_TIMEOUT", "1s",
                "DB_IDLE_IN_TRANSACTION_TIMEOUT", "0", "DB_CONNECTION_TIMEOUT", "10000", "DB_VALIDATION_TIMEOUT", "5000"));

        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.options"))
                .isEqualTo("-c statement_timeout=2min -c lock_timeout=1s -c idle_in_transaction_session_timeout=0");
        assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("10000");
        assertThat(environment.getProperty("spring.datasource.hikari.validation-timeout")).isEqualTo("5000");
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
