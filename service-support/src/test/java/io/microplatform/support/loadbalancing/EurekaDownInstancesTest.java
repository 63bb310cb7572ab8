package io.microplatform.support.loadbalancing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.microplatform.support.FakeEurekaRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances that Eureka reports DOWN get no traffic under any strategy. The real Spring Cloud Eureka client fetches
 * a registry (faked with the JDK's HTTP server, answering what a Eureka server answers) that lists three real HTTP
 * servers; the client's default {@code filter-only-up-instances: true} drops the DOWN ones before the load balancer
 * ever sees them, so no strategy has to know about instance status.
 */
class EurekaDownInstancesTest {

    private static final List<String> SERVICES = List.of("round-robin-service", "weighted-service", "hash-service");
    // the DOWN instance carries the biggest weight: were it not filtered out it would take most weighted calls
    private static final int[] WEIGHTS = { 1, 1, 8 };

    private final AtomicReference<List<String>> statuses = new AtomicReference<>(List.of("UP", "UP", "DOWN"));
    private CountingServers servers;
    private FakeEurekaRegistry registry;

    @BeforeEach
    void start() throws IOException {
        servers = new CountingServers(3);
        registry = FakeEurekaRegistry.answering(this::registry);
    }

    @AfterEach
    void stop() {
        registry.close();
        servers.close();
    }

    @Test
    void instancesDownInEurekaGetNoTrafficUnderAnyStrategy() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .run(registry.clientArguments("--spring.application.name=eureka-down-test",
                        // the load balancer's instance cache (35 s by default) would hide the status change for long
                        "--spring.cloud.loadbalancer.cache.ttl=1s",
                        "--platform.loadbalancing.clients.weighted-service.strategy=weighted",
                        "--platform.loadbalancing.clients.hash-service.strategy=consistent-hash"))) {
            RestClient.Builder http = context.getBean("loadBalanced", RestClient.Builder.class);
            // the first registry fetch happens a moment after start-up
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .untilAsserted(() -> callEveryService(http, 1));

            servers.reset();
            callEveryService(http, 300);

            assertThat(servers.get(2).hits()).isZero();
            assertThat(servers.get(0).hits()).isPositive();
            assertThat(servers.get(1).hits()).isPositive();

            // instance 2 goes DOWN, instance 3 comes back UP: traffic follows within a fetch plus a cache expiry
            statuses.set(List.of("UP", "DOWN", "UP"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                servers.reset();
                callEveryService(http, 30);
                assertThat(servers.get(1).hits()).isZero();
                assertThat(servers.get(2).hits()).isPositive();
            });
        }
    }

    // different SKUs each time, so the consistent-hash client is asked for many keys, not one
    private void callEveryService(RestClient.Builder http, int calls) {
        for (String service : SERVICES) {
            RestClient client = http.clone().baseUrl("http://" + service).build();
            IntStream.range(0, calls).forEach(i -> client.get().uri("/api/inventory/items/{sku}", HashRingTest.sku(i))
                    .retrieve().toBodilessEntity());
        }
    }

    // what a Eureka server answers to GET /eureka/apps/: each service with the same three instances
    private String registry() {
        String applications = SERVICES.stream().map(service -> """
                {"name":"%s","instance":[%s]}""".formatted(service.toUpperCase(), IntStream.range(0, 3)
                .mapToObj(i -> instance(service, i)).collect(Collectors.joining(",")))).collect(Collectors.joining(","));
        return """
                {"applications":{"versions__delta":"1","apps__hashcode":"","application":[%s]}}""".formatted(applications);
    }

    private String instance(String service, int index) {
        int port = servers.get(index).port();
        return """
                {"instanceId":"%1$s:%2$d","hostName":"127.0.0.1","app":"%3$s","ipAddr":"127.0.0.1","status":"%4$s",
                 "port":{"$":%2$d,"@enabled":"true"},"vipAddress":"%1$s","metadata":{"weight":"%5$d"},
                 "dataCenterInfo":{"@class":"com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo","name":"MyOwn"}}"""
                .formatted(service, port, service.toUpperCase(), statuses.get().get(index), WEIGHTS[index]);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        // the Eureka client takes the application's RestClient.Builder for its own registry calls: give it a plain one
        @Bean
        @Primary
        RestClient.Builder restClientBuilder() {
            return RestClient.builder();
        }

        @Bean
        @LoadBalanced
        RestClient.Builder loadBalanced() {
            return RestClient.builder();
        }
    }
}
