package io.microplatform.localstack.config;

import io.microplatform.localstack.console.PlatformException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where things are: the repository (two levels above the launcher jar), the state folder ({@code PLATFORM_HOME},
 * default {@code <repo>/.platform}) with its data, logs, run, app, cds and tmp folders, and the effective .env values.
 */
public record Settings(Path repository, Path home, Map<String, String> dotEnv, Ports ports, Path java,
        Map<String, String> environment) {

    public static Settings load(Map<String, String> environment) {
        Path repository = locateRepository();
        Path home = environment.containsKey("PLATFORM_HOME")
                ? Path.of(environment.get("PLATFORM_HOME")).toAbsolutePath().normalize()
                : repository.resolve(".platform");
        Map<String, String> dotEnv = DotEnv.load(repository.resolve(".env"), environment);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new Settings(repository, home, dotEnv, Ports.from(withDefaults(dotEnv, environment)), java, environment);
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path postgresData() {
        return data().resolve("postgres");
    }

    Path kafkaData() {
        return data().resolve("kafka");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path log(String instance) {
        return logs().resolve(instance + ".log");
    }

    public Path app() {
        return home.resolve("app");
    }

    public Path cds() {
        return home.resolve("cds");
    }

    /**
     * The same settings, with {@code variables} added to what every instance started with them gets (a demo starting
     * an instance with another strategy or weight); the environment of this launcher is unchanged.
     */
    public Settings withInstanceVariables(Map<String, String> variables) {
        Map<String, String> merged = new java.util.LinkedHashMap<>(dotEnv);
        merged.putAll(variables);
        return new Settings(repository, home, Map.copyOf(merged), ports, java, environment);
    }

    public Path tmp(String instance) {
        return home.resolve("tmp").resolve(instance);
    }

    /**
     * PostgreSQL (once its databases exist) and Kafka say they are usable by writing the pid of the
     * recorded process here (InfrastructureMain).
     */
    public Path ready(String name) {
        return readyFile(home, name);
    }

    /** The ready file of {@code name} under {@code home}, for the infrastructure JVM that only knows its home. */
    public static Path readyFile(Path home, String name) {
        return home.resolve("run").resolve(name + ".ready");
    }

    /**
     * The Spring Boot jar an instance runs: the service's own, or for the trace store Zipkin's, which local-stack's pom
     * copies next to the launcher.
     */
    public Path serviceJar(String service) {
        if (service.equals(Topology.TRACE_STORE)) {
            return launcherJar().resolveSibling("zipkin").resolve("zipkin-server.jar");
        }
        return repository.resolve(service).resolve("target").resolve(service + ".jar");
    }

    public Path launcherJar() {
        return repository.resolve("local-stack").resolve("target").resolve("local-stack.jar");
    }

    /** Keys missing from .env may still come from the environment alone (the end-to-end test moves every port so). */
    private static Map<String, String> withDefaults(Map<String, String> dotEnv, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(environment);
        merged.putAll(dotEnv);
        return merged;
    }

    private static Path locateRepository() {
        String configured = System.getProperty("platform.repository");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            // <repo>/local-stack/target/local-stack.jar (or target/classes when run from an IDE)
            Path location = Path.of(Settings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repository = location.getParent().getParent().getParent();
            if (Files.isRegularFile(repository.resolve(".env"))) {
                return repository;
            }
            throw new PlatformException("no .env in " + repository + "; run the launcher as <repo>/platform");
        } catch (URISyntaxException e) {
            throw new PlatformException("cannot locate the repository: " + e.getMessage(), e);
        }
    }
}
