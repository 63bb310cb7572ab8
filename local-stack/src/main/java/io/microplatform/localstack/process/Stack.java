package io.microplatform.localstack.process;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Ports;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.config.StackPlan;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Table;
import io.microplatform.localstack.console.Terminal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What every command works with: settings, run files, the probe, the launcher and the stopper. */
public final class Stack {

    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(180);
    /** springdoc's paths, as service-support's platform-service-defaults.yml states them. */
    static final String SWAGGER_UI = "/swagger-ui.html";
    static final String API_DOCS = "/v3/api-docs";

    public final Settings settings;
    public final Terminal terminal;
    public final RunState state;
    final HealthProbe probe;
    public final InstanceLauncher launcher;
    public final Stopper stopper;

    public Stack(Settings settings, Terminal terminal) {
        this.settings = settings;
        this.terminal = terminal;
        this.state = new RunState(settings.run());
        this.probe = new HealthProbe(settings);
        this.launcher = new InstanceLauncher(settings, state);
        this.stopper = new Stopper(settings, state, terminal);
    }

    /** PLATFORM_START_TIMEOUT (seconds) for slow machines; 180 s otherwise. */
    public Duration startTimeout() {
        String configured = settings.environment().get("PLATFORM_START_TIMEOUT");
        try {
            return configured == null ? DEFAULT_START_TIMEOUT : Duration.ofSeconds(Long.parseLong(configured.strip()));
        } catch (NumberFormatException e) {
            throw new PlatformException("PLATFORM_START_TIMEOUT=" + configured + " is not a number of seconds");
        }
    }

    public StartupWatch watch(Instant begin) {
        return new StartupWatch(probe, terminal, startTimeout(), begin);
    }

    /** The registry's port as the running registry uses it, else as configured. */
    public int registryPort() {
        return state.record(Topology.REGISTRY).filter(RunRecord::isAlive).map(RunRecord::port)
                .orElse(settings.ports().registry());
    }

    /** The live processes a name selects (a service's instances or one instance); none is the user's mistake. */
    public List<RunRecord> running(String target) {
        List<RunRecord> alive = state.select(target).stream().filter(RunRecord::isAlive).toList();
        if (alive.isEmpty()) {
            throw new PlatformException(target + " is not running");
        }
        return alive;
    }

    /** Run files of processes that are gone (killed, crashed) describe nothing any more. */
    public void forgetExited() {
        state.records().stream().filter(record -> !record.isAlive()).forEach(state::remove);
    }

    /** Refuses, before anything starts, ports that something else holds: one line, naming the key that moves it. */
    public void requireFreePorts(List<StackPlan.PortClaim> claims) {
        for (StackPlan.PortClaim claim : claims) {
            if (!free(claim.port())) {
                throw new PlatformException("port " + claim.port() + " (" + claim.owner() + ") is already in use; free it or set "
                        + claim.key());
            }
        }
    }

    /**
     * As {@link #requireFreePorts}, after waiting up to {@code atMost} for the ports to be released: a process that was
     * just stopped or killed (or killed itself, a crash fault) may hold its port a moment longer.
     */
    public void awaitFreePorts(List<StackPlan.PortClaim> claims, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (claims.stream().anyMatch(claim -> !free(claim.port())) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        requireFreePorts(claims);
    }

    /** Binds where every process of the stack listens: loopback (on Linux this also fails if the wildcard is bound). */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The table printed once processes are healthy, with the addresses a developer needs next: each business service's
     * Swagger UI (springdoc's, on the document at /v3/api-docs) among them.
     */
    public void printSummary(List<RunRecord> records, String closing) {
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord record : records) {
            Topology.Kind kind = record.asInstance().kind();
            if (kind != Topology.Kind.INFRASTRUCTURE) {
                rows.add(List.of(record.service(), record.instance(), record.url(), Integer.toString(record.port()),
                        Long.toString(record.pid()), kind == Topology.Kind.SERVICE ? record.url() + SWAGGER_UI : ""));
            }
        }
        terminal.println("");
        Table.render(List.of("SERVICE", "INSTANCE", "URL", "PORT", "PID", "API (SWAGGER UI)"), rows)
                .forEach(terminal::println);
        terminal.println("");
        Ports ports = settings.ports();
        String databases = Topology.BUSINESS_SERVICES.stream().map(Topology::database).collect(Collectors.joining(", "));
        terminal.println("Eureka dashboard  http://127.0.0.1:" + registryPort() + "/");
        terminal.println("API documents     each service's URL + " + API_DOCS + " (OpenAPI 3, JSON)");
        terminal.println("PostgreSQL        127.0.0.1:" + ports.postgres() + "  databases " + databases
                + " (user = password = database)");
        terminal.println("Kafka             127.0.0.1:" + ports.kafka());
        terminal.println("Traces (Zipkin)   http://127.0.0.1:" + ports.traceStore() + "/zipkin/  (in memory; API: /api/v2/trace/{traceId})");
        terminal.println(terminal.green(closing));
    }

    /** Health of each recorded process, for ps and restart. */
    public Map<Instance, HealthProbe.Health> health(List<RunRecord> records) {
        Map<Instance, Optional<ProcessHandle>> processes = new java.util.LinkedHashMap<>();
        records.forEach(record -> processes.put(record.asInstance(), record.process()));
        return probe.check(processes, registryPort());
    }

    /** When this JVM started, to the millisecond (the kernel's process start time is only as exact as its boot time). */
    public static Instant launcherStart() {
        return Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }
}
