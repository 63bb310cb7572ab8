package io.microplatform.localstack.process;

import io.microplatform.localstack.infrastructure.InfrastructureMain;
import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Ports;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.faults.FaultToken;
import io.microplatform.localstack.startup.AppImages;
import io.microplatform.localstack.startup.ClassDataSharing;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts one process of the stack, detached: in its own session (setsid) so that a Ctrl-C in the terminal reaches
 * only the launcher, which then stops everything in order; output to {@code $PLATFORM_HOME/logs/<instance>.log};
 * recorded in a run file as soon as it exists.
 */
public final class InstanceLauncher {

    /** One GC thread, small stacks and code cache: start-up on 2 cores matters more than peak speed here. */
    private static final List<String> DEV_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:ReservedCodeCacheSize=48m",
            "-XX:+ExitOnOutOfMemoryError");
    /**
     * C2 costs a service twice its start-up on 2 cores (docs/benchmark.md), so every JVM but Kafka's stops at C1.
     * Kafka starts in 3-4 s of CPU and then carries every message for as long as the stack runs: with C2 it spent a
     * third less CPU per saga in the benchmark (13.9 -> 9.1 ms at 10 sagas/s), for 3 s more CPU at its start.
     */
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    /**
     * The heap starts small and grows as the service needs it (up to -Xmx) instead of starting at -Xmx (the JVM's
     * default initial heap is 1/64 of the machine's memory, more than -Xmx here): a service whose live data is 50 MB
     * keeps about twice that touched, not all 200 MB.
     */
    private static final List<String> SERVICE_MEMORY = List.of("-Xms32m", "-Xmx200m", "-XX:MaxMetaspaceSize=160m");
    private static final List<String> REGISTRY_MEMORY = List.of("-Xmx160m", "-XX:MaxMetaspaceSize=128m");
    private static final List<String> KAFKA_MEMORY = List.of("-Xmx256m", "-XX:MaxMetaspaceSize=96m");
    /** Zipkin keeps its spans on the heap: ~25 MB of its own plus ~3 KB a span (measured in docs/tracing.md). */
    private static final List<String> TRACE_STORE_MEMORY = List.of("-Xmx128m", "-XX:MaxMetaspaceSize=96m");
    /** Zipkin's in-memory storage drops the oldest traces beyond this many spans: the last ~550 orders of 36 spans. */
    private static final int TRACE_STORE_SPANS = 20_000;
    /**
     * PostgreSQL's helper starts the server and creates the databases, then exits. On a machine that never ran it,
     * zonky first unpacks the binaries from their .txz, whose xz dictionary alone needs more than a 64 MB heap (the
     * first ./platform up on a fresh machine died of it, leaving a half-unpacked folder behind).
     */
    private static final List<String> POSTGRES_HELPER_MEMORY = List.of("-Xmx192m", "-XX:MaxMetaspaceSize=64m");

    /** The actuator endpoints of the local stack's services: a deployment's three, and what people read here. */
    static final List<String> LOCAL_ENDPOINTS = List.of("health", "info", "prometheus", "faults", "metrics",
            "circuitbreakers", "circuitbreakerevents", "timelimiters", "timelimiterevents");
    /** The Spring profile under which payment-service and shipping-service host and call their simulated one. */
    static final String SIMULATED_THIRD_PARTIES = "simulated-third-parties";

    private final Settings settings;
    private final AppImages images;
    private final ClassDataSharing cds;
    private final RunState state;
    private final Optional<Path> setsid;

    InstanceLauncher(Settings settings, RunState state) {
        this.settings = settings;
        this.images = new AppImages(settings);
        this.cds = new ClassDataSharing(settings.cds(), settings.java());
        this.state = state;
        this.setsid = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * A started process; the Process (our child) knows its exit code, which a bare pid would not tell. PostgreSQL's
     * postmaster is no child of ours: it has none.
     */
    record Started(Instance instance, RunRecord record, Optional<Process> process, ClassDataSharing.Options cds) {
    }

    /** The copy of its code {@code service} runs from ({@link AppImages#prepare}). */
    public AppImages.Image prepare(String service, Collection<String> runningServices) {
        return images.prepare(service, runningServices);
    }

    /**
     * @param othersRunning whether other instances of the service run already (only a lone first instance trains
     *                      the CDS archive: two JVMs must not write one file)
     */
    Started start(Instance instance, AppImages.Image image, boolean othersRunning) {
        ClassDataSharing.Options sharing = cds.options(instance.service(), image.preparedAt(),
                instance.index() == 0 && !othersRunning);
        List<String> command = new ArrayList<>();
        setsid.ifPresent(path -> command.add(path.toString()));
        command.add(settings.java().toString());
        command.addAll(DEV_JVM);
        if (!instance.service().equals(Topology.KAFKA)) {
            command.add(C1_ONLY);
        }
        command.addAll(switch (instance.service()) {
            case Topology.POSTGRES -> POSTGRES_HELPER_MEMORY;
            case Topology.KAFKA -> KAFKA_MEMORY;
            case Topology.TRACE_STORE -> TRACE_STORE_MEMORY;
            case Topology.REGISTRY -> REGISTRY_MEMORY;
            default -> SERVICE_MEMORY;
        });
        command.addAll(sharing.jvmOptions());
        command.addAll(extraJavaOptions());
        if (Topology.runsLauncherCopy(instance.service())) {
            command.addAll(List.of("-Dlogback.configurationFile=infrastructure-logback.xml", "-cp", image.jar().toString(),
                    InfrastructureMain.class.getName(), instance.service(), settings.home().toString(),
                    Integer.toString(instance.port())));
            if (instance.service().equals(Topology.POSTGRES)) {
                Topology.BUSINESS_SERVICES.forEach(service -> command.add(Topology.database(service)));
            } else if (instance.service().equals(Topology.KAFKA)) {
                command.add(Integer.toString(settings.ports().kafkaController()));
            }
        } else {
            command.addAll(List.of("-jar", image.jar().toString()));
            if (instance.service().equals(Topology.TRACE_STORE)) {
                command.addAll(zipkinArguments(instance.port()));
            }
        }
        Path log = settings.log(instance.name());
        Path workingDirectory = settings.tmp(instance.name());
        try {
            Files.createDirectories(settings.logs());
            Files.createDirectories(workingDirectory);
            if (Files.exists(log)) {
                // the previous run's log stays readable next to the new one
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Topology.runsLauncherCopy(instance.service())) {
                Files.deleteIfExists(settings.ready(instance.name()));
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().remove("PLATFORM_COLOR");
            // instances here differ by port and register as name:port (platform-service-defaults.yml), which demos and
            // ./platform rely on; an INSTANCE_NAME in the user's environment would give every instance one id
            builder.environment().remove("INSTANCE_NAME");
            builder.environment().putAll(environment(instance));
            Process process = builder.start();
            RunRecord record = RunRecord.of(instance, process.toHandle(), url(instance), log, sharing.training());
            state.save(record);
            return new Started(instance, record, Optional.of(process), sharing);
        } catch (IOException e) {
            throw new PlatformException("cannot start " + instance.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits for PostgreSQL's helper (recorded meanwhile, so ps shows postgres starting) to start the server and create
     * the databases, then records the postmaster instead: the process that kill, pause and ps must act on.
     */
    Started awaitPostmaster(Started helper, Duration timeout) {
        Process process = helper.process().orElseThrow();
        Path log = helper.record().log();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PlatformException(helper.instance().name() + " is not ready after " + timeout.toSeconds() + " s; see "
                        + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while " + helper.instance().name() + " was starting", e);
        }
        if (process.exitValue() != 0) {
            throw new PlatformException(helper.instance().name() + " exited with code " + process.exitValue()
                    + " before it was ready; see " + log);
        }
        Path ready = settings.ready(helper.instance().name());
        try {
            long pid = Long.parseLong(Files.readString(ready).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new PlatformException(
                    helper.instance().name() + " (pid " + pid + ") exited right after it started; see " + log));
            RunRecord record = RunRecord.of(helper.instance(), postmaster, helper.record().url(), log, false);
            state.save(record);
            return new Started(helper.instance(), record, Optional.empty(), helper.cds());
        } catch (IOException | NumberFormatException e) {
            throw new PlatformException("cannot read " + ready + ": " + e.getMessage(), e);
        }
    }

    /** What every service reads (see the shared brief): .env as is, then the addresses of this stack. */
    Map<String, String> environment(Instance instance) {
        Ports ports = settings.ports();
        Map<String, String> environment = new LinkedHashMap<>(settings.dotEnv());
        // glibc gives every thread that mallocs an arena of its own (up to 8 per core), each holding on to what it
        // once used; a JVM mallocs little, so two arenas serve it and leave less resident memory behind
        environment.putIfAbsent("MALLOC_ARENA_MAX", settings.environment().getOrDefault("MALLOC_ARENA_MAX", "2"));
        if (instance.kind() == Topology.Kind.INFRASTRUCTURE) {
            return environment;
        }
        environment.put("SERVER_PORT", Integer.toString(instance.port()));
        environment.put("EUREKA_URL", "http://127.0.0.1:" + ports.registry() + "/eureka/");
        environment.put("EUREKA_INSTANCE_IP", "127.0.0.1");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + ports.kafka());
        // spans go to the stack's Zipkin in Zipkin's own format (docs/decisions/0003); export is off unless a launcher
        // says so, and OTLP stays off here: compose and k8s switch that one on
        environment.put("ZIPKIN_TRACING_ENDPOINT", "http://127.0.0.1:" + ports.traceStore() + "/api/v2/spans");
        environment.put("ZIPKIN_TRACING_EXPORT_ENABLED", "true");
        environment.put("DB_HOST", "127.0.0.1");
        environment.put("DB_PORT", Integer.toString(ports.postgres()));
        String database = Topology.database(instance.service());
        environment.put("DB_NAME", database);
        environment.put("DB_USERNAME", database);
        environment.put("DB_PASSWORD", database);
        // Tomcat would otherwise leave a tomcat.<port>.* folder in /tmp on every start
        environment.put("SERVER_TOMCAT_BASEDIR", settings.tmp(instance.name()).toString());
        // fault injection is on in the local stack (./platform fault), unless the user's environment says false
        environment.put(FaultToken.ENABLED_VARIABLE, settings.environment().getOrDefault(FaultToken.ENABLED_VARIABLE, "true"));
        environment.put(FaultToken.TOKEN_VARIABLE, FaultToken.getOrCreate(settings));
        // a developer's stack on 127.0.0.1 shows more than a deployment does (health, info and prometheus, health
        // without details: platform-service-defaults.yml): the resilience4j endpoints and metrics that docs/ curl,
        // and each health contributor's details
        environment.put("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", String.join(",", LOCAL_ENDPOINTS));
        environment.put("MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "always");
        if (Topology.HOSTS_SIMULATED_THIRD_PARTY.contains(instance.service())) {
            // the simulated payment provider and carrier exist only under this profile; a service without it and
            // without PAYMENT_PROVIDER_URL / CARRIER_URL refuses to start
            environment.put("SPRING_PROFILES_ACTIVE", SIMULATED_THIRD_PARTIES);
        }
        return environment;
    }

    /**
     * Zipkin's own settings (zipkin-server-shared.yml in its jar), as arguments so that they win over any variable of
     * the user's environment: its query port on loopback only (Armeria binds every address otherwise), spans in memory.
     */
    private static List<String> zipkinArguments(int port) {
        return List.of("--armeria.ports[0].port=" + port, "--armeria.ports[0].ip=127.0.0.1",
                "--armeria.ports[0].protocols[0]=http", "--zipkin.storage.type=mem",
                "--zipkin.storage.mem.max-spans=" + TRACE_STORE_SPANS);
    }

    String url(Instance instance) {
        return switch (instance.service()) {
            case Topology.POSTGRES -> "postgresql://127.0.0.1:" + instance.port();
            case Topology.KAFKA -> "kafka://127.0.0.1:" + instance.port();
            default -> instance.url();
        };
    }

    private List<String> extraJavaOptions() {
        String options = settings.environment().getOrDefault("PLATFORM_JAVA_OPTS", "").strip();
        return options.isEmpty() ? List.of() : Arrays.asList(options.split("\\s+"));
    }
}
