package io.microplatform.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The run file of one process ({@code $PLATFORM_HOME/run/<instance>.properties}). The start time guards every signal:
 * a pid the kernel has handed to another process since is never treated as ours.
 */
record RunRecord(String service, String instance, long pid, Instant started, int port, String url, Path log,
        boolean trainsArchive) {

    static final String SUFFIX = ".properties";

    /** Kernel start times are in clock ticks; two JVMs may round them differently. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    static RunRecord of(Instance instance, ProcessHandle process, String url, Path log, boolean trainsArchive) {
        Instant started = process.info().startInstant().orElseGet(Instant::now);
        return new RunRecord(instance.service(), instance.name(), process.pid(), started, instance.port(), url, log,
                trainsArchive);
    }

    Instance asInstance() {
        return Topology.instance(instance).map(ref -> new Instance(service, ref.index(), port))
                .orElseGet(() -> new Instance(service, 0, port));
    }

    /** The process, if it still runs and is the one this record started. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> handle.info().startInstant()
                .map(start -> Duration.between(start, started).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(false));
    }

    boolean isAlive() {
        return process().isPresent();
    }

    void write(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("service", service);
        properties.setProperty("instance", instance);
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("started", started.toString());
        properties.setProperty("port", Integer.toString(port));
        properties.setProperty("url", url);
        properties.setProperty("log", log.toString());
        properties.setProperty("trainsArchive", Boolean.toString(trainsArchive));
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(instance + SUFFIX + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "./platform: one process of the local stack");
            }
            Files.move(temporary, file(directory, instance), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PlatformException("cannot write the run file of " + instance + ": " + e.getMessage(), e);
        }
    }

    void delete(Path directory) {
        try {
            Files.deleteIfExists(file(directory, instance));
        } catch (IOException e) {
            throw new PlatformException("cannot delete the run file of " + instance + ": " + e.getMessage(), e);
        }
    }

    static Optional<RunRecord> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            return Optional.of(new RunRecord(properties.getProperty("service"), properties.getProperty("instance"),
                    Long.parseLong(properties.getProperty("pid")), Instant.parse(properties.getProperty("started")),
                    Integer.parseInt(properties.getProperty("port")), properties.getProperty("url"),
                    Path.of(properties.getProperty("log")), Boolean.parseBoolean(properties.getProperty("trainsArchive"))));
        } catch (IOException | RuntimeException e) {
            // a half-written or hand-edited file: nothing we could safely signal
            return Optional.empty();
        }
    }

    static Path file(Path directory, String instance) {
        return directory.resolve(instance + SUFFIX);
    }
}
