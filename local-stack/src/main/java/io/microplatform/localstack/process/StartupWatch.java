package io.microplatform.localstack.process;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits until every watched process is healthy, and fails fast, naming the process, the cause and its log, as soon
 * as one exits or runs out of time: ./platform never hangs on a service that will not come up.
 */
public final class StartupWatch {

    private static final Duration POLL = Duration.ofMillis(300);

    private final HealthProbe probe;
    private final Terminal terminal;
    private final Duration timeout;
    private final Instant begin;

    StartupWatch(HealthProbe probe, Terminal terminal, Duration timeout, Instant begin) {
        this.probe = probe;
        this.terminal = terminal;
        this.timeout = timeout;
        this.begin = begin;
    }

    /**
     * A process to wait for; {@code started} when this launcher started it (its becoming healthy is news worth a line),
     * {@code process} when it is also our child (it knows the exit code; PostgreSQL's postmaster is not).
     */
    public record Watched(Instance instance, RunRecord record, boolean started, Optional<Process> process, Instant since) {
    }

    /** Returns when all are healthy; {@code cancelled} ends the wait early (the launcher is being stopped). */
    public void await(List<Watched> watched, int registryPort, BooleanSupplier cancelled) {
        Map<Instance, Watched> pending = new LinkedHashMap<>();
        watched.forEach(w -> pending.put(w.instance(), w));
        while (!pending.isEmpty()) {
            if (cancelled.getAsBoolean()) {
                throw new PlatformException("interrupted");
            }
            Map<Instance, Optional<ProcessHandle>> processes = new LinkedHashMap<>();
            pending.values().forEach(w -> processes.put(w.instance(), w.record().process()));
            Map<Instance, HealthProbe.Health> health = probe.check(processes, registryPort);
            for (Watched w : List.copyOf(pending.values())) {
                HealthProbe.Health state = health.get(w.instance());
                if (state.healthy()) {
                    pending.remove(w.instance());
                    if (w.started()) {
                        terminal.println(String.format("%s %s (%.1f s)", w.instance().name(),
                                w.instance().kind() == Topology.Kind.INFRASTRUCTURE ? "ready" : "healthy", seconds()));
                    }
                } else if (!state.alive()) {
                    throw new PlatformException(w.instance().name() + " exited" + exitCode(w)
                            + " before it was healthy; see " + w.record().log());
                } else if (Duration.between(w.since(), Instant.now()).compareTo(timeout) > 0) {
                    throw new PlatformException(w.instance().name() + " is not healthy after " + timeout.toSeconds() + " s ("
                            + state.missing() + "); see " + w.record().log());
                }
            }
            if (!pending.isEmpty()) {
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
    }

    public double seconds() {
        return Duration.between(begin, Instant.now()).toMillis() / 1000.0;
    }

    private static String exitCode(Watched watched) {
        try {
            // the pid is gone a moment before the JVM's reaper has collected the exit code
            return watched.process().filter(p -> waitFor(p)).map(p -> " with code " + p.exitValue()).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean waitFor(Process process) {
        try {
            return process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
