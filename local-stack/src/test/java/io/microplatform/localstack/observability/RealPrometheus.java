package io.microplatform.localstack.observability;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.localstack.Executables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real Prometheus (the {@code prometheus} binary on PATH: Debian's package, or PROMETHEUS_BIN) running the
 * repository's own prometheus.yml and alerts.yml against a running local stack: Eureka discovery and relabelling,
 * scrapes and rule evaluation exactly as compose and k8s run them, only faster (1 s instead of 5 s) and with the
 * registry's local address. Where no Prometheus is installed, {@link EmptyQueries} checks the same selectors
 * against the scraped text instead.
 */
public final class RealPrometheus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The registry address in prometheus.yml (compose and k8s), replaced by the local one. */
    private static final String COMPOSE_REGISTRY = "http://registry-service:";

    private final Process process;
    private final Path directory;
    private final String baseUrl;

    private RealPrometheus(Process process, Path directory, String baseUrl) {
        this.process = process;
        this.directory = directory;
        this.baseUrl = baseUrl;
    }

    /** The prometheus binary, if this machine has one. */
    public static Optional<Path> binary() {
        String configured = System.getenv("PROMETHEUS_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return Executables.onPath("prometheus");
    }

    /**
     * Starts Prometheus with observability/prometheus/prometheus.yml and alerts.yml, the registry at
     * {@code registryPort} on 127.0.0.1, and waits until it is ready.
     */
    public static RealPrometheus start(Path binary, Path repository, int registryPort, Path workDirectory)
            throws IOException, InterruptedException {
        Path source = repository.resolve(ObservabilityQueries.FOLDER).resolve("prometheus");
        Path directory = Files.createDirectories(workDirectory);
        String config = Files.readString(source.resolve("prometheus.yml"), UTF_8);
        String local = config
                .replaceAll(Pattern.quote(COMPOSE_REGISTRY) + "\\d+", "http://127.0.0.1:" + registryPort)
                .replaceAll("scrape_interval: \\S+", "scrape_interval: 1s")
                .replaceAll("evaluation_interval: \\S+", "evaluation_interval: 1s")
                .replaceAll("refresh_interval: \\S+", "refresh_interval: 2s");
        if (local.equals(config) || !local.contains("http://127.0.0.1:" + registryPort)) {
            throw new AssertionError("prometheus.yml no longer names the registry as " + COMPOSE_REGISTRY + "<port>");
        }
        Files.writeString(directory.resolve("prometheus.yml"), local, UTF_8);
        Files.copy(source.resolve("alerts.yml"), directory.resolve("alerts.yml"),
                StandardCopyOption.REPLACE_EXISTING);
        // a fresh database each run: the series of a run a few minutes earlier carry the same labels, and the
        // DeadLetter alert's "unless ... offset 5m" would find them and never fire
        deleteRecursively(directory.resolve("data"));
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + directory.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        RealPrometheus prometheus = new RealPrometheus(process, directory, "http://127.0.0.1:" + port);
        try {
            await("Prometheus ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .failFast("Prometheus exited", () -> !process.isAlive())
                    .until(prometheus::ready);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            prometheus.close();
            throw new AssertionError("Prometheus did not start:\n" + prometheus.log(), e);
        }
        return prometheus;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The active targets Eureka discovery gave it, with their health ("up", "down", "unknown"). */
    public List<Target> targets() throws IOException, InterruptedException {
        List<Target> targets = new ArrayList<>();
        for (JsonNode target : get("/api/v1/targets?state=active").path("data").path("activeTargets")) {
            targets.add(new Target(target.path("labels").path("app").asText(),
                    target.path("labels").path("instance").asText(), target.path("health").asText()));
        }
        return targets;
    }

    /**
     * Evaluates an expression now. Grafana's variables take the values a dashboard opened with "All" gives them.
     *
     * @return the result's series (empty when nothing matched); an AssertionError naming Prometheus' error when the
     *         expression does not parse or evaluate
     */
    public JsonNode query(String expression) throws IOException, InterruptedException {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(asGrafanaRunsIt(expression), UTF_8));
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError(answer.path("errorType").asText() + ": " + answer.path("error").asText());
        }
        return answer.path("data").path("result");
    }

    /** The alerting rules as loaded and last evaluated: name, health ("ok", "err", "unknown"), state, last error. */
    public List<Rule> rules() throws IOException, InterruptedException {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : get("/api/v1/rules?type=alert").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new Rule(rule.path("name").asText(), rule.path("health").asText(),
                        rule.path("state").asText(), rule.path("lastError").asText("")));
            }
        }
        return rules;
    }

    public String log() {
        try {
            return Files.readString(directory.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** $application and $instance as "All" (.*), the rate and range intervals as Grafana picks them for 5 min. */
    static String asGrafanaRunsIt(String expression) {
        return expression
                .replace("$application", ".*")
                .replace("$instance", ".*")
                .replace("$__rate_interval", "1m")
                .replace("$__range", "5m");
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Target(String app, String instance, String health) {
    }

    public record Rule(String name, String health, String state, String lastError) {
    }
}
