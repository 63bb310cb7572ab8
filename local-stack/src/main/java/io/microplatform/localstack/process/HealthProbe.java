package io.microplatform.localstack.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.config.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Is a process healthy? Alive, its readiness group UP, and listed UP in Eureka (which is what other services need
 * before they can call it). PostgreSQL and Kafka instead say so with their ready files, Zipkin with its /health. Short
 * timeouts: a probe that hangs must never hang ./platform.
 */
public final class HealthProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    static final String UNREACHABLE = "unreachable";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Settings settings;

    HealthProbe(Settings settings) {
        this.settings = settings;
    }

    /** One process's state at one moment. */
    public record Health(boolean alive, String readiness, String eureka) {

        public boolean healthy() {
            return alive && "UP".equals(readiness) && "UP".equals(eureka);
        }

        /** What stands between the process and healthy, for ps and for time-out messages. */
        public String missing() {
            if (!alive) {
                return "exited";
            }
            if (!"UP".equals(readiness)) {
                return "readiness " + readiness;
            }
            return "UP".equals(eureka) ? "" : eureka.equals("missing") ? "not registered in Eureka" : "Eureka says " + eureka;
        }
    }

    /** The health of each process (empty: not running), checked in parallel with one read of Eureka's registry. */
    Map<Instance, Health> check(Map<Instance, Optional<ProcessHandle>> processes, int registryPort) {
        boolean anyService = processes.keySet().stream().anyMatch(i -> i.kind() != Topology.Kind.INFRASTRUCTURE);
        CompletableFuture<Map<String, String>> eureka = anyService ? eureka(registryPort)
                : CompletableFuture.completedFuture(Map.of());
        Map<Instance, CompletableFuture<String>> readiness = new HashMap<>();
        processes.forEach((instance, process) -> readiness.put(instance, process.isEmpty() ? CompletableFuture.completedFuture("-")
                : Topology.runsLauncherCopy(instance.service())
                        ? CompletableFuture.completedFuture(ready(instance.name(), process.get().pid()) ? "UP" : "starting")
                        : readiness(instance.port(), instance.service().equals(Topology.TRACE_STORE) ? "/health"
                                : "/actuator/health/readiness")));
        Map<String, String> registered = eureka.join();
        Map<Instance, Health> health = new HashMap<>();
        processes.forEach((instance, process) -> health.put(instance, new Health(process.isPresent(),
                readiness.get(instance).join(), instance.kind() == Topology.Kind.INFRASTRUCTURE ? "UP"
                        : registered.getOrDefault(eurekaKey(instance.service(), instance.port()), "missing"))));
        return health;
    }

    /** The process wrote its pid into its ready file (InfrastructureMain): it is usable. */
    boolean ready(String name, long pid) {
        Path ready = settings.ready(name);
        try {
            return Files.isRegularFile(ready) && Files.readString(ready).strip().equals(Long.toString(pid));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    CompletableFuture<String> readiness(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            try {
                String status = json.readTree(response.body()).path("status").asText("");
                return status.isEmpty() ? "HTTP " + response.statusCode() : status;
            } catch (java.io.IOException e) {
                return "HTTP " + response.statusCode();
            }
        }).exceptionally(HealthProbe::failure);
    }

    private static String failure(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof java.net.http.HttpTimeoutException ? "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s"
                : UNREACHABLE;
    }

    /** "ORDER-SERVICE:8081" -> "UP" for every instance Eureka lists; empty while the registry is not answering. */
    CompletableFuture<Map<String, String>> eureka(int registryPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + registryPort + "/eureka/apps"))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            Map<String, String> statuses = new HashMap<>();
            if (response.statusCode() != 200) {
                return statuses;
            }
            try {
                for (JsonNode application : elements(json.readTree(response.body()).path("applications").path("application"))) {
                    for (JsonNode instance : elements(application.path("instance"))) {
                        statuses.put(application.path("name").asText() + ":" + instance.path("port").path("$").asText(),
                                instance.path("status").asText());
                    }
                }
            } catch (java.io.IOException e) {
                // an answer we cannot read counts as no answer
            }
            return statuses;
        }).exceptionally(failure -> Map.of());
    }

    static String eurekaKey(String service, int port) {
        return Topology.eurekaApplication(service) + ":" + port;
    }

    /** Eureka's JSON writes a list of one as the object itself. */
    private static List<JsonNode> elements(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> elements = new java.util.ArrayList<>();
            node.forEach(elements::add);
            return elements;
        }
        return node.isObject() ? List.of(node) : List.of();
    }
}
