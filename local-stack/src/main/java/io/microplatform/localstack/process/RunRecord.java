package io.microplatform.localstack.process;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * The run file of one process ({@code $PLATFORM_HOME/run/<instance>.properties}). Its start time guards every signal:
 * a pid the kernel has handed to another process since is never treated as ours. On Linux that start time is the
 * kernel's, in clock ticks since boot, which no change of the wall clock moves; elsewhere (and for run files written
 * before ticks were recorded) the wall-clock start instant, within a second.
 * <p>
 * Public for the chaos runner, which pauses and resumes processes in-process ({@link Signals}).
 */
public record RunRecord(String service, String instance, long pid, Instant started, OptionalLong startTicks, int port,
        String url, Path log, boolean trainsArchive) {

    static final String SUFFIX = ".properties";

    /** Kernel start times are in clock ticks; two JVMs may round them differently. */
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    public static RunRecord of(Instance instance, ProcessHandle process, String url, Path log, boolean trainsArchive) {
        Instant started = process.info().startInstant().orElseGet(Instant::now);
        OptionalLong ticks = ProcStat.of(process.pid()).map(stat -> OptionalLong.of(stat.startTicks()))
                .orElseGet(OptionalLong::empty);
        return new RunRecord(instance.service(), instance.name(), process.pid(), started, ticks, instance.port(), url, log,
                trainsArchive);
    }

    public Instance asInstance() {
        return Topology.instance(instance).map(ref -> new Instance(service, ref.index(), port))
                .orElseGet(() -> new Instance(service, 0, port));
    }

    /** The process, if it still runs and is the one this record started. */
    public Optional<ProcessHandle> process() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return handle;
        }
        Optional<ProcStat> stat = ProcStat.of(pid);
        if (stat.isPresent() && stat.get().exited()) {
            // a zombie: gone, only its exit code waits for a parent that may never collect it
            return Optional.empty();
        }
        if (startTicks.isPresent() && stat.isPresent()) {
            return stat.get().startTicks() == startTicks.getAsLong() ? handle : Optional.empty();
        }
        return handle.filter(h -> h.info().startInstant()
                .map(start -> Duration.between(start, started).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(false));
    }

    public boolean isAlive() {
        return process().isPresent();
    }

    /** Stopped by SIGSTOP ({@link Signals#stop}), as the kernel tells; false where it does not. */
    public boolean isPaused() {
        return isAlive() && ProcStat.of(pid).map(ProcStat::stopped).orElse(false);
    }

    public void write(Path directory) {
        Properties properties = new Properties();
        properties.setProperty("service", service);
        properties.setProperty("instance", instance);
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("started", started.toString());
        startTicks.ifPresent(ticks -> properties.setProperty("startTicks", Long.toString(ticks)));
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

    public static Optional<RunRecord> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
            String ticks = properties.getProperty("startTicks");
            return Optional.of(new RunRecord(properties.getProperty("service"), properties.getProperty("instance"),
                    Long.parseLong(properties.getProperty("pid")), Instant.parse(properties.getProperty("started")),
                    ticks == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(ticks)),
                    Integer.parseInt(properties.getProperty("port")), properties.getProperty("url"),
                    Path.of(properties.getProperty("log")), Boolean.parseBoolean(properties.getProperty("trainsArchive"))));
        } catch (IOException | RuntimeException e) {
            // a half-written or hand-edited file: nothing we could safely signal
            return Optional.empty();
        }
    }

    public static Path file(Path directory, String instance) {
        return directory.resolve(instance + SUFFIX);
    }
}
