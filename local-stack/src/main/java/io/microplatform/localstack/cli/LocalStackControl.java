package io.microplatform.localstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import io.microplatform.localstack.demo.DemoStack;
import io.microplatform.localstack.faults.FaultCommand;
import io.microplatform.localstack.faults.FaultToken;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The local stack as chaos runs and demos see it: they act on it through the same commands a user has (up, kill,
 * restart, pause, fault). What those commands print goes to {@code $PLATFORM_HOME/<dir>/commands.log}; only the
 * run's own lines reach the terminal.
 */
final class LocalStackControl implements DemoStack {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);

    private final Stack stack;
    private final Stack quiet;
    private final Path reports;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param directory under $PLATFORM_HOME: where the reports and the commands' output go (chaos, demo) */
    LocalStackControl(Settings settings, Terminal terminal, String directory) {
        this.stack = new Stack(settings, terminal);
        this.reports = settings.home().resolve(directory);
        this.quiet = new Stack(settings, new Terminal(false, commandLog(reports)));
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
    public void restart(String instance, Map<String, String> variables) {
        new Restart(with(variables), instance).run();
    }

    @Override
    public void scale(String service, int instances, Map<String, String> variables) {
        new Up(with(variables), CommandLine.parse(List.of("up", "-d", "--scale", service + "=" + instances))).run();
    }

    @Override
    public void pause(String instance, Duration duration) {
        new Pause(quiet, instance, duration).run();
    }

    @Override
    public void pause(String instance, Duration longest, BooleanSupplier resumeWhen) {
        new Pause(quiet, instance, longest, resumeWhen).run();
    }

    @Override
    public JsonNode addFault(String instance, Map<String, Object> rule) {
        String token = FaultToken.read(stack.settings).orElseThrow(() -> new PlatformException("no fault token"));
        try {
            HttpRequest request = HttpRequest.newBuilder(url(instance).resolve("/actuator/faults"))
                    .timeout(HTTP_TIMEOUT).header("X-Fault-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(rule))).build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 201) {
                throw new PlatformException(instance + " refused the fault rule " + rule + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new PlatformException("cannot reach " + instance + ": " + e.getMessage(), e);
        }
    }

    @Override
    public JsonNode info(String service) {
        String instance = stack.running(service).get(0).instance();
        try {
            return json.readTree(get(instance, "/actuator/info"));
        } catch (IOException e) {
            throw new PlatformException("cannot read the info of " + instance + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String get(String instance, String path) {
        HttpRequest request = HttpRequest.newBuilder(url(instance).resolve(path)).timeout(HTTP_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + request.uri() + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Registration> registered(String service) {
        URI apps = URI.create("http://127.0.0.1:" + stack.registryPort() + "/eureka/apps/" + service.toUpperCase());
        HttpRequest request = HttpRequest.newBuilder(apps).timeout(HTTP_TIMEOUT).header("Accept", "application/json")
                .GET().build();
        try {
            HttpResponse<String> response = send(request);
            if (response.statusCode() == 404) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + apps + ": HTTP " + response.statusCode());
            }
            List<Registration> registrations = new ArrayList<>();
            for (JsonNode instance : json.readTree(response.body()).path("application").path("instance")) {
                registrations.add(new Registration(instance.path("instanceId").asText(),
                        instance.path("port").path("$").asInt(), instance.path("status").asText(),
                        instance.path("metadata").path("weight").asInt(1)));
            }
            return registrations;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + apps + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void setMetadata(String service, String instanceId, String key, String value) {
        URI metadata = URI.create("http://127.0.0.1:" + stack.registryPort() + "/eureka/apps/" + service.toUpperCase()
                + "/" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8) + "/metadata?"
                + URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(metadata).timeout(HTTP_TIMEOUT)
                    .PUT(HttpRequest.BodyPublishers.noBody()).build());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("PUT " + metadata + ": HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("PUT " + metadata + ": " + e.getMessage(), e);
        }
    }

    /** For a service's name its first running instance; inventory-service-1 and inventory-service-2 name one each. */
    @Override
    public URI url(String instance) {
        return URI.create(stack.running(instance).get(0).url());
    }

    @Override
    public Path log(String instance) {
        return stack.state.select(instance).stream().findFirst().map(RunRecord::log)
                .orElseGet(() -> stack.settings.log(instance));
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
    public double pace() {
        String pace = stack.settings.environment().getOrDefault("PLATFORM_DEMO_PACE", "1");
        try {
            double value = Double.parseDouble(pace.strip());
            if (value > 0 && value <= 10) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new PlatformException("PLATFORM_DEMO_PACE=" + pace + " is not a number above 0 and at most 10");
    }

    @Override
    public Path reports() {
        return reports;
    }

    @Override
    public void say(String line) {
        stack.terminal.println(line);
    }

    private Stack with(Map<String, String> variables) {
        return variables.isEmpty() ? quiet : new Stack(stack.settings.withInstanceVariables(variables), quiet.terminal);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    private static PrintStream commandLog(Path directory) {
        try {
            Path file = directory.resolve("commands.log");
            Files.createDirectories(directory);
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new PrintStream(out, true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlatformException("cannot write " + directory + ": " + e.getMessage(), e);
        }
    }
}
