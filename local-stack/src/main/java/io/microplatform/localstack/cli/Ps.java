package io.microplatform.localstack.cli;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.Table;
import io.microplatform.localstack.process.HealthProbe;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ps}: every process of the stack with its pid, port, health (or exited, or paused) and address. */
record Ps(Stack stack) {

    int run() {
        List<RunRecord> records = stack.state.records();
        Map<Instance, HealthProbe.Health> health = stack.health(records);
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord record : records) {
            HealthProbe.Health state = health.get(record.asInstance());
            rows.add(List.of(record.service(), record.instance(), state.alive() ? Long.toString(record.pid()) : "-",
                    Integer.toString(record.port()), status(record, state), record.url()));
        }
        Table.render(List.of("SERVICE", "INSTANCE", "PID", "PORT", "STATUS", "URL"), rows).forEach(stack.terminal::println);
        if (records.isEmpty()) {
            stack.terminal.println("(nothing is running; ./platform up starts the stack)");
        }
        return 0;
    }

    private String status(RunRecord record, HealthProbe.Health health) {
        if (!health.alive()) {
            return stack.terminal.red("exited");
        }
        if (record.isPaused()) {
            // its health probe would only time out
            return stack.terminal.red("paused");
        }
        if (health.healthy()) {
            return stack.terminal.green(record.asInstance().kind() == Topology.Kind.INFRASTRUCTURE ? "ready" : "healthy");
        }
        boolean young = Duration.between(record.started(), Instant.now()).compareTo(stack.startTimeout()) < 0;
        return (young ? "starting" : stack.terminal.red("unhealthy")) + " (" + health.missing() + ")";
    }
}
