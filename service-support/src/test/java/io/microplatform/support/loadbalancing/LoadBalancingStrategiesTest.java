package io.microplatform.support.loadbalancing;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The strategies through Spring Cloud LoadBalancer's real machinery: a {@code @LoadBalanced RestClient}, simple
 * discovery listing three real HTTP servers, and this module's auto-configuration picking the strategy per client.
 */
class LoadBalancingStrategiesTest {

    private static CountingServers servers;
    private static ConfigurableApplicationContext context;
    private static RestClient.Builder http;

    @BeforeAll
    static void start() throws IOException {
        servers = new CountingServers(3);
        List<String> args = new ArrayList<>(List.of(
                "--spring.application.name=load-balancing-test",
                "--eureka.client.enabled=false",
                "--platform.loadbalancing.clients.weighted-service.strategy=weighted",
                "--platform.loadbalancing.clients.hash-service.strategy=consistent-hash",
                "--platform.loadbalancing.clients.hash-service.virtual-nodes=160",
                "--platform.loadbalancing.clients.hash-pair.strategy=consistent-hash"));
        int[] weights = { 1, 2, 7 };
        for (int i = 0; i < 3; i++) {
            String uri = servers.get(i).uri();
            args.add("--spring.cloud.discovery.client.simple.instances.plain-service[%d].uri=%s".formatted(i, uri));
            args.add("--spring.cloud.discovery.client.simple.instances.hash-service[%d].uri=%s".formatted(i, uri));
            args.add("--spring.cloud.discovery.client.simple.instances.weighted-service[%d].uri=%s".formatted(i, uri));
            args.add("--spring.cloud.discovery.client.simple.instances.weighted-service[%d].metadata.weight=%d"
                    .formatted(i, weights[i]));
        }
        // hash-pair: the same instances as hash-service without the third, as if it had left the registry
        for (int i = 0; i < 2; i++) {
            args.add("--spring.cloud.discovery.client.simple.instances.hash-pair[%d].uri=%s"
                    .formatted(i, servers.get(i).uri()));
        }
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args.toArray(String[]::new));
        http = context.getBean("loadBalanced", RestClient.Builder.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        servers.close();
    }

    @BeforeEach
    void resetCounts() {
        servers.reset();
    }

    @Test
    void roundRobinIsTheDefaultWhenNothingIsConfigured() {
        RestClient client = http.clone().baseUrl("http://plain-service").build();

        // one path for every call: a keyed strategy would send all of them to one instance
        IntStream.range(0, 300).forEach(i -> client.get().uri("/api/inventory/items/SKU-1").retrieve().toBodilessEntity());

        assertThat(servers.all()).allSatisfy(server -> assertThat(server.hits()).isEqualTo(100));
    }

    @Test
    void weightedSplitFollowsTheWeightMetadataWithinFivePoints() {
        RestClient client = http.clone().baseUrl("http://weighted-service").build();
        int calls = 3_000;

        IntStream.range(0, calls).forEach(i -> client.get().uri("/api/inventory/items/SKU-{i}", i).retrieve().toBodilessEntity());

        double[] expected = { 0.1, 0.2, 0.7 };
        for (int i = 0; i < 3; i++) {
            double share = servers.get(i).hits() / (double) calls;
            System.out.printf("weighted: %s share %.3f (weight share %.1f)%n", servers.get(i).name, share, expected[i]);
            assertThat(share).isCloseTo(expected[i], offset(0.05));
        }
    }

    @Test
    void consistentHashKeepsEachSkuOnOneInstance() {
        RestClient client = http.clone().baseUrl("http://hash-service").build();
        List<String> skus = IntStream.range(0, 300).mapToObj(HashRingTest::sku).toList();

        for (int round = 0; round < 3; round++) {
            skus.forEach(sku -> client.get().uri("/api/inventory/items/{sku}", sku).retrieve().toBodilessEntity());
        }

        Set<String> seen = new HashSet<>();
        servers.all().forEach(server -> {
            System.out.printf("consistent-hash: %s owns %d of %d SKUs%n", server.name, server.keys().size(), skus.size());
            assertThat(server.keys()).isNotEmpty();
            server.keys().forEach(sku -> assertThat(seen.add(sku)).as("%s served by more than one instance", sku).isTrue());
        });
        assertThat(seen).containsExactlyInAnyOrderElementsOf(skus);
    }

    @Test
    void consistentHashPrefersTheRoutingKeyHeaderOverThePath() {
        RestClient client = http.clone().baseUrl("http://hash-service").build();

        IntStream.range(0, 30).forEach(i -> client.get().uri("/api/inventory/items/{sku}", HashRingTest.sku(i))
                .header("X-Routing-Key", "customer-42").retrieve().toBodilessEntity());

        assertThat(servers.all()).filteredOn(server -> server.hits() > 0).singleElement()
                .satisfies(server -> assertThat(server.hits()).isEqualTo(30));
    }

    @Test
    void consistentHashSendsARetryToTheNextInstanceOnTheRing() {
        RestClient client = http.clone().baseUrl("http://hash-service").build();
        List<String> skus = IntStream.range(0, 100).mapToObj(HashRingTest::sku).toList();
        skus.forEach(sku -> client.get().uri("/api/inventory/items/{sku}", sku).retrieve().toBodilessEntity());
        Map<String, Set<String>> firstAttempts = servers.all().stream()
                .collect(Collectors.toMap(server -> server.name, server -> Set.copyOf(server.keys())));
        servers.reset();

        skus.forEach(sku -> client.get().uri("/api/inventory/items/{sku}", sku)
                .header(RoutingAttempt.HEADER, "2").retrieve().toBodilessEntity());

        assertThat(servers.all()).allSatisfy(server -> assertThat(server.keys())
                .as("second attempts %s served that were first attempts there too", server.name)
                .doesNotContainAnyElementsOf(firstAttempts.get(server.name)));
        assertThat(servers.all().stream().mapToInt(CountingServers.Server::hits).sum()).isEqualTo(skus.size());
    }

    @Test
    void whenOneOfThreeInstancesLeavesAtMostFortyPercentOfKeysMove() {
        LoadBalancerClient loadBalancer = context.getBean(LoadBalancerClient.class);
        int keys = 10_000;

        long moved = IntStream.range(0, keys).mapToObj(HashRingTest::sku)
                .filter(sku -> chosenPort(loadBalancer, "hash-service", sku) != chosenPort(loadBalancer, "hash-pair", sku))
                .count();

        System.out.printf("consistent-hash: %d of %d keys (%.1f %%) moved when one of three instances left%n", moved,
                keys, 100.0 * moved / keys);
        assertThat(moved / (double) keys).isLessThanOrEqualTo(0.40);
    }

    private static int chosenPort(LoadBalancerClient loadBalancer, String serviceId, String sku) {
        RequestData request = new RequestData(HttpMethod.GET,
                URI.create("http://" + serviceId + "/api/inventory/items/" + sku), new HttpHeaders(),
                new LinkedMultiValueMap<>(), Map.of());
        ServiceInstance chosen = loadBalancer.choose(serviceId, new DefaultRequest<>(new RequestDataContext(request)));
        return chosen.getPort();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        @LoadBalanced
        RestClient.Builder loadBalanced() {
            return RestClient.builder();
        }
    }
}
