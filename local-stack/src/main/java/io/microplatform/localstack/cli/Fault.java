package io.microplatform.localstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Table;
import io.microplatform.localstack.faults.FaultCommand;
import io.microplatform.localstack.faults.FaultToken;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fault}: adds, lists or clears fault injection rules on every running instance of a service through its
 * /actuator/faults endpoint, with the token the launcher gave the services (see {@link FaultToken}).
 */
final class Fault {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Stack stack;
    private final FaultCommand command;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    Fault(Stack stack, FaultCommand command) {
        this.stack = stack;
        this.command = command;
    }

    int run() {
        List<RunRecord> instances = instances();
        String token = FaultToken.read(stack.settings).orElseThrow(() -> new PlatformException(
                "no fault injection token in " + FaultToken.file(stack.settings) + "; start the stack with ./platform up"));
        List<List<String>> rows = new ArrayList<>();
        int failed = 0;
        for (RunRecord instance : instances) {
            try {
                switch (command.action()) {
                    case ADD -> {
                        JsonNode rule = call(instance, "POST", token, command.rule());
                        stack.terminal.println(instance.instance() + ": added rule " + rule.path("id").asText() + " "
                                + describe(rule));
                    }
                    case LIST -> call(instance, "GET", token, null).path("rules")
                            .forEach(rule -> rows.add(List.of(instance.instance(), rule.path("id").asText(), describe(rule))));
                    case CLEAR -> stack.terminal.println(instance.instance() + ": cleared "
                            + call(instance, "DELETE", token, null).path("cleared").size() + " rule(s)");
                }
            } catch (PlatformException e) {
                stack.terminal.println(stack.terminal.red(instance.instance() + ": " + e.getMessage()));
                failed++;
            }
        }
        if (command.action() == FaultCommand.Action.LIST) {
            Table.render(List.of("INSTANCE", "RULE", "FAULT"), rows).forEach(stack.terminal::println);
            if (rows.isEmpty() && failed == 0) {
                stack.terminal.println("(no fault injection rules on " + command.service().orElseThrow() + ")");
            }
        }
        return failed == 0 ? 0 : 1;
    }

    /** The running instances the command names: one service's (or one instance), or every business service's. */
    private List<RunRecord> instances() {
        List<RunRecord> selected = command.service().map(stack.state::select).orElseGet(stack.state::records).stream()
                .filter(record -> Topology.kind(record.service()) == Topology.Kind.SERVICE)
                .filter(RunRecord::isAlive).toList();
        if (selected.isEmpty()) {
            throw new PlatformException(command.service().orElse("no service") + " is not running");
        }
        return selected;
    }

    private JsonNode call(RunRecord instance, String method, String token, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url() + "/actuator/faults"))
                    .timeout(TIMEOUT).header("X-Fault-Token", token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return switch (response.statusCode()) {
                case 200, 201 -> json.readTree(response.body());
                case 404 -> throw new PlatformException("fault injection is not enabled (" + FaultToken.ENABLED_VARIABLE
                        + "=false?)");
                case 401, 403 -> throw new PlatformException("the token in " + FaultToken.file(stack.settings)
                        + " was refused; restart the service so it gets the current one");
                default -> throw new PlatformException("HTTP " + response.statusCode() + ": "
                        + json.readTree(response.body()).path("detail").asText(response.body()));
            };
        } catch (IOException e) {
            throw new PlatformException("cannot reach " + instance.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted", e);
        }
    }

    /** inbound-http:/api/shipping/quotes latency PT1S jitter PT0.2S error-rate 0.5 (503) refuse ... crash after-commit */
    static String describe(JsonNode rule) {
        StringBuilder text = new StringBuilder(rule.path("target").path("type").asText()).append(':')
                .append(rule.path("target").path("name").asText());
        for (String duration : List.of("latency", "jitter")) {
            if (!rule.path(duration).asText("PT0S").equals("PT0S")) {
                text.append(' ').append(duration).append(' ').append(rule.path(duration).asText());
            }
        }
        if (rule.path("errorRate").asDouble() > 0) {
            text.append(" error-rate ").append(rule.path("errorRate").asDouble()).append(" (")
                    .append(rule.path("errorStatus").asInt()).append(')');
        }
        for (String flag : List.of("refuse", "duplicateDelivery", "crashBeforeAck")) {
            if (rule.path(flag).asBoolean()) {
                text.append(' ').append(flag);
            }
        }
        if (rule.hasNonNull("crash")) {
            text.append(" crash ").append(rule.path("crash").asText());
        }
        if (rule.path("keyShare").asDouble(1) < 1) {
            text.append(" key-share ").append(rule.path("keyShare").asDouble());
        }
        return text.toString();
    }
}
