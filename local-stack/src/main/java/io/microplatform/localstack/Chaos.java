package io.microplatform.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.localstack.chaos.ChaosOptions;
import io.microplatform.localstack.chaos.ChaosRun;
import io.microplatform.localstack.chaos.StackControl;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code chaos [--duration D] [--rate R] [--seed S]}: a chaos run (io.microplatform.localstack.chaos) against this
 * stack, through the same commands a user has: up, kill, restart, pause and fault. What those commands print goes to
 * {@code $PLATFORM_HOME/chaos/commands.log}; the run's own lines to the terminal. Exit code 1 on any violation.
 */
final class Chaos implements StackControl {

    static final String VERB = "chaos";
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private final Stack stack;
    private final Stack quiet;
    private final ChaosOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    Chaos(Settings settings, Terminal terminal, ChaosOptions options) {
        this.stack = new Stack(settings, terminal);
        this.quiet = new Stack(settings, new Terminal(false, commandLog(settings)));
        this.options = options;
    }

    int run() {
        try {
            return new ChaosRun(this, options).run() ? 0 : 1;
        } catch (PlatformException e) {
            throw e;
        } catch (Exception e) {
            throw new PlatformException("chaos run failed: " + e, e);
        }
    }

    @Override
    public List<Process> processes() {
        return stack.state.records().stream().map(record -> new Process(record.service(), record.instance(),
                record.pid(), record.port(), record.isAlive())).toList();
    }

    /**
     * Instances that were running and are gone (a fault the run could not put right) are restarted by name first, as
     * {@code up} would forget them: it starts the stack at scale 1, and inventory-service-2 is not part of that.
     */
    @Override
    public void startMissing() {
        List<RunRecord> records = stack.state.records();
        if (records.isEmpty() || records.stream().anyMatch(record -> !record.isAlive())) {
            say(records.isEmpty() ? "starting the stack (./platform up -d) ..." : "starting what is not running ...");
        }
        records.stream().filter(record -> !record.isAlive()).map(RunRecord::instance)
                .forEach(instance -> new Restart(quiet, instance).run());
        new Up(quiet, CommandLine.parse(List.of("up", "-d"))).run();
    }

    @Override
    public void kill(String instance) {
        new Kill(quiet, instance).run();
    }

    @Override
    public void restart(String instance) {
        new Restart(quiet, instance).run();
    }

    @Override
    public void pause(String instance, Duration duration) {
        new Pause(quiet, instance, duration).run();
    }

    @Override
    public JsonNode addFault(String instance, Map<String, Object> rule) {
        RunRecord record = stack.state.record(instance).filter(RunRecord::isAlive)
                .orElseThrow(() -> new PlatformException(instance + " is not running"));
        String token = FaultToken.read(stack.settings).orElseThrow(() -> new PlatformException("no fault token"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(record.url() + "/actuator/faults"))
                    .timeout(HTTP_TIMEOUT).header("X-Fault-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(rule))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new PlatformException(instance + " refused the fault rule " + rule + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("cannot reach " + record.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    @Override
    public JsonNode info(String service) {
        RunRecord record = stack.state.select(service).stream().filter(RunRecord::isAlive).findFirst()
                .orElseThrow(() -> new PlatformException(service + " is not running"));
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(record.url() + "/actuator/info"))
                    .timeout(HTTP_TIMEOUT).header("Accept", "application/json").GET().build();
            return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new PlatformException("cannot read " + record.url() + "/actuator/info: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    @Override
    public void clearFaults() {
        new Fault(quiet, FaultCommand.parse(List.of("clear"))).run();
    }

    @Override
    public Database database(String name) {
        // local stack only: user and password are the database's name
        return new Database("jdbc:postgresql://127.0.0.1:" + stack.settings.ports().postgres() + "/" + name, name, name);
    }

    @Override
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + stack.settings.ports().kafka();
    }

    @Override
    public URI orderService() {
        return URI.create("http://127.0.0.1:" + stack.settings.ports().base("order-service"));
    }

    @Override
    public Path reports() {
        return stack.settings.home().resolve("chaos");
    }

    @Override
    public void say(String line) {
        stack.terminal.println(line);
    }

    private static PrintStream commandLog(Settings settings) {
        try {
            Path file = settings.home().resolve("chaos").resolve("commands.log");
            Files.createDirectories(file.getParent());
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new PrintStream(out, true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlatformException("cannot write " + settings.home().resolve("chaos") + ": " + e.getMessage(), e);
        }
    }
}
