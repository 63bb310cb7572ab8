package io.microplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's main command, end to end, exactly as a user runs it: {@code ./platform up -d}, {@code ps} and
 * {@code down} from the repository root, on ports of their own (so a developer's running stack is never touched)
 * and with state in target/it-platform. Needs every service jar built (the reactor builds them before this module).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPOSITORY = MODULE.getParent();
    private static final Path HOME = MODULE.resolve("target").resolve("it-platform");

    private static final Map<String, Integer> SERVICE_PORTS = orderedMap("registry-service", 28761, "order-service", 28081,
            "payment-service", 28082, "inventory-service", 28083, "shipping-service", 28084, "saga-orchestrator", 28085);
    private static final int POSTGRES_PORT = 25432;
    private static final int KAFKA_PORT = 29092;
    private static final int KAFKA_CONTROLLER_PORT = 29093;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @Order(1)
    void refusesToStartWhenAPortIsTakenAndStartsNothing() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 28081));

            Result up = platform(Duration.ofSeconds(60), "up", "-d");

            assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
            assertThat(up.output()).contains(
                    "platform: port 28081 (order-service) is already in use; free it or set ORDER_SERVICE_PORT");
            assertThat(up.elapsed()).as(up.output()).isLessThan(Duration.ofSeconds(15));
            assertThat(runFiles()).isEmpty();
            assertThat(processesOfTheStack()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void startsEveryServiceHealthyAndStopsThemWithoutLeftovers() throws Exception {
        Result up = platform(Duration.ofMinutes(5), "up", "-d");

        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).containsPattern("all healthy in \\d+\\.\\d s");
        assertThat(registeredUpInEureka()).containsExactlyInAnyOrderElementsOf(SERVICE_PORTS.entrySet().stream()
                .map(e -> e.getKey().toUpperCase() + ":" + e.getValue()).toList());
        for (int port : SERVICE_PORTS.values()) {
            assertThat(readiness(port)).as("readiness of port %d", port).isEqualTo("UP");
        }

        Result ps = platform(Duration.ofSeconds(60), "ps");
        assertThat(ps.exitCode()).as(ps.output()).isZero();
        assertThat(ps.output()).containsPattern("infrastructure\\s+infrastructure\\s+\\d+\\s+" + POSTGRES_PORT + "\\s+ready");
        SERVICE_PORTS.forEach((service, port) -> assertThat(ps.output())
                .containsPattern(service + "\\s+" + service + "\\s+\\d+\\s+" + port + "\\s+healthy\\s+http://127.0.0.1:" + port));
        List<Long> pids = recordedPids();
        assertThat(pids).hasSize(7);

        Result down = platform(Duration.ofMinutes(4), "down");

        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(runFiles()).isEmpty();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertThat(processesOfTheStack()).isEmpty();
            assertThat(allPorts()).allMatch(PlatformIT::free);
        });
    }

    @AfterAll
    static void stopWhateverATestLeftRunning() throws Exception {
        platform(Duration.ofMinutes(4), "down");
    }

    private record Result(int exitCode, String output, Duration elapsed) {
    }

    private static Result platform(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(REPOSITORY.resolve("platform").toString());
        command.addAll(List.of(args));
        Files.createDirectories(HOME);
        Path output = Files.createTempFile(HOME.getParent(), "platform-" + args[0], ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("PLATFORM_HOME", HOME.toString());
        SERVICE_PORTS.forEach((service, port) -> builder.environment().put(Topology.portKey(service), port.toString()));
        builder.environment().put("POSTGRES_PORT", Integer.toString(POSTGRES_PORT));
        builder.environment().put("KAFKA_PORT", Integer.toString(KAFKA_PORT));
        builder.environment().put("KAFKA_CONTROLLER_PORT", Integer.toString(KAFKA_CONTROLLER_PORT));
        builder.environment().remove("PLATFORM_COLOR");
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            throw new AssertionError("./platform " + String.join(" ", args) + " did not finish within " + timeout
                    + ":\n" + Files.readString(output));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String text = Files.readString(output);
        Files.delete(output);
        // in target/failsafe-reports/*-output.txt: what a user would have seen
        System.out.printf("$ ./platform %s   (%.1f s, exit code %d)%n%s%n", String.join(" ", args),
                (System.nanoTime() - start) / 1e9, process.exitValue(), text);
        return new Result(process.exitValue(), text, elapsed);
    }

    private List<String> registeredUpInEureka() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:28761/eureka/apps"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).build();
        JsonNode applications = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .path("applications").path("application");
        List<String> up = new ArrayList<>();
        for (JsonNode application : applications) {
            for (JsonNode instance : application.path("instance")) {
                if (instance.path("status").asText().equals("UP")) {
                    up.add(application.path("name").asText() + ":" + instance.path("port").path("$").asText());
                }
            }
        }
        return up;
    }

    private String readiness(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String status = json.readTree(response.body()).path("status").asText();
        return response.statusCode() == 200 ? status : "HTTP " + response.statusCode() + " " + status;
    }

    private static List<Path> runFiles() throws IOException {
        Path run = HOME.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".properties")).toList();
        }
    }

    private static List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (Path file : runFiles()) {
            pids.add(RunRecord.read(file).orElseThrow().pid());
        }
        return pids;
    }

    /** PostgreSQL, Kafka and every service run from (or on data in) the test's state folder. */
    private static List<String> processesOfTheStack() {
        return ProcessHandle.allProcesses().filter(process -> process.pid() != ProcessHandle.current().pid())
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(HOME.toString()))
                .toList();
    }

    private static List<Integer> allPorts() {
        List<Integer> ports = new ArrayList<>(SERVICE_PORTS.values());
        ports.addAll(List.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT));
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }
}
