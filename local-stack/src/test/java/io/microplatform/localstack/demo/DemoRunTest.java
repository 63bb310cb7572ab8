package io.microplatform.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.microplatform.localstack.chaos.StackControl.Process;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Whatever a demo does to the stack and however it ends, the stack is put back as it was and one verdict line ends it. */
class DemoRunTest {

    private final FakeStack stack = new FakeStack();

    @Test
    void putsBackWhatTheDemoChangedAndEndsWithItsVerdict() {
        boolean passed = runAndCheckTheStackIsPutBack(new FakeDemo(false));

        assertThat(passed).isTrue();
        assertThat(stack.lines).first().isEqualTo("demo fake: a demo that changes the stack");
        assertThat(stack.lines).last().isEqualTo("PASS fake: 3 inventory instances, orchestrator killed");
    }

    @Test
    void aDemoThatBreaksOffFailsAndStillPutsTheStackBack() {
        boolean passed = runAndCheckTheStackIsPutBack(new FakeDemo(true));

        assertThat(passed).isFalse();
        assertThat(stack.lines).last().asString().startsWith("FAIL fake: the demo broke off: java.lang.IllegalStateException");
    }

    /** Runs {@code demo} and asserts what every run promises, however the demo ends: same processes, no faults left. */
    private boolean runAndCheckTheStackIsPutBack(Demo demo) {
        List<String> before = stack.alive();

        boolean passed = new DemoRun(stack, demo).run();

        assertThat(stack.alive()).containsExactlyInAnyOrderElementsOf(before);
        assertThat(stack.faults).isEmpty();
        return passed;
    }

    @Test
    void aVerdictWithAFailureFailsAndSaysWhyBeforeTheFigures() {
        Verdict verdict = new Verdict().figure("p99 120 ms").require(true, "never shown").require(false, "too slow");

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.line("slow-shipping")).isEqualTo("FAIL slow-shipping: too slow | p99 120 ms");
    }

    @Test
    void everyDemoHasAUniqueNameAndSaysWhatToWatch() {
        assertThat(Demos.ALL).extracting(Demo::name).doesNotHaveDuplicates().containsExactly("payment-outage",
                "slow-shipping", "orchestrator-crash", "broker-outage", "duplicate-delivery", "instance-loss",
                "stale-leader", "partition", "lb-strategies");
        assertThat(Demos.ALL).extracting(Demo::about).allSatisfy(about -> {
            assertThat(about.steps()).isNotEmpty();
            assertThat(about.watch()).anyMatch(line -> line.startsWith("Grafana > Microplatform / "));
            assertThat(about.watch()).anyMatch(line -> line.contains("127.0.0.1") || line.startsWith("./platform"));
        });
    }

    private record FakeDemo(boolean breaksOff) implements Demo {

        @Override
        public About about() {
            return new About("fake", "a demo that changes the stack", List.of("scale, kill, fault"), List.of("nothing"));
        }

        @Override
        public Verdict run(DemoStack stack) {
            stack.scale("inventory-service", 3, Map.of());
            stack.kill("saga-orchestrator");
            stack.addFault("payment-service-1", Map.of("target", Map.of("type", "kafka", "name", "*"), "refuse", true));
            if (breaksOff) {
                throw new IllegalStateException("the registry does not answer");
            }
            return new Verdict().figure(stack.instances("inventory-service").size() + " inventory instances, "
                    + "orchestrator killed");
        }
    }

    /** Processes as run files list them: alive or not, named as the launcher names them. */
    private static final class FakeStack implements DemoStack {

        final List<Process> processes = new ArrayList<>(List.of(
                new Process("order-service", "order-service", 11, 8081, true),
                new Process("inventory-service", "inventory-service", 12, 8083, true),
                new Process("payment-service", "payment-service", 13, 8082, true),
                new Process("saga-orchestrator", "saga-orchestrator", 14, 8085, true)));
        final List<Map<String, Object>> faults = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        long nextPid = 100;

        List<String> alive() {
            return processes.stream().filter(Process::alive).map(Process::instance).toList();
        }

        @Override
        public List<Process> processes() {
            return List.copyOf(processes);
        }

        @Override
        public void startMissing() {
        }

        @Override
        public void kill(String instance) {
            processes.replaceAll(p -> p.service().equals(instance) || p.instance().equals(instance)
                    ? new Process(p.service(), p.instance(), p.pid(), p.port(), false) : p);
        }

        @Override
        public void restart(String instance) {
            processes.replaceAll(p -> p.instance().equals(instance)
                    ? new Process(p.service(), p.instance(), nextPid++, p.port(), true) : p);
        }

        @Override
        public void restart(String instance, Map<String, String> variables) {
            restart(instance);
        }

        @Override
        public void scale(String service, int instances, Map<String, String> variables) {
            // like up --scale: exited instances forgotten, the surplus stopped, the missing started
            processes.removeIf(p -> !p.alive() && p.service().equals(service));
            processes.removeIf(p -> p.service().equals(service) && index(p) >= instances);
            for (int i = 1; i < instances; i++) {
                String name = service + "-" + (i + 1);
                if (processes.stream().noneMatch(p -> p.instance().equals(name))) {
                    processes.add(new Process(service, name, nextPid++, 8083 + 100 * i, true));
                }
            }
        }

        private static int index(Process process) {
            return process.instance().equals(process.service()) ? 0
                    : Integer.parseInt(process.instance().substring(process.service().length() + 1)) - 1;
        }

        @Override
        public void pause(String instance, Duration duration) {
        }

        @Override
        public void pause(String instance, Duration longest, BooleanSupplier resumeWhen) {
        }

        @Override
        public JsonNode addFault(String instance, Map<String, Object> rule) {
            faults.add(rule);
            return JsonNodeFactory.instance.objectNode();
        }

        @Override
        public void clearFaults() {
            faults.clear();
        }

        @Override
        public Database database(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String kafkaBootstrapServers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonNode info(String service) {
            throw new UnsupportedOperationException();
        }

        @Override
        public URI orderService() {
            return URI.create("http://127.0.0.1:8081");
        }

        @Override
        public Path reports() {
            return Path.of("demo");
        }

        @Override
        public void say(String line) {
            lines.add(line);
        }

        @Override
        public String get(String instance, String path) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Registration> registered(String service) {
            return List.of();
        }

        @Override
        public void setMetadata(String service, String instanceId, String key, String value) {
        }

        @Override
        public double pace() {
            return 1;
        }

        @Override
        public URI url(String instance) {
            return URI.create("http://127.0.0.1:8083");
        }

        @Override
        public Path log(String instance) {
            return Path.of(instance + ".log");
        }
    }
}
