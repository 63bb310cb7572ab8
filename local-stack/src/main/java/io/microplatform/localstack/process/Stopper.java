package io.microplatform.localstack.process;

import io.microplatform.embedded.PostgresServer;
import io.microplatform.localstack.config.Settings;
import io.microplatform.localstack.config.StackPlan;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.console.Terminal;
import io.microplatform.localstack.startup.ClassDataSharing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops processes of the stack in the reverse of start order: the business services together (SIGTERM, so Spring
 * shuts down gracefully, deregisters from Eureka and a training JVM writes its CDS archive), then the registry, then the
 * trace store, Kafka and PostgreSQL one after the other (PostgreSQL with SIGINT, its fast shutdown: SIGTERM would wait
 * for every client to disconnect). Whatever has not exited after the grace period is killed. A paused process is
 * continued right after its signal, so that it acts on it.
 */
public final class Stopper {

    static final Duration GRACE = Duration.ofSeconds(30);
    /**
     * A JVM training its CDS archive writes it after Spring has shut down: ~10 s alone, several times that when five
     * do it at once on 2 cores. Killing it then would only mean training again on the next start.
     */
    static final Duration GRACE_WHILE_ARCHIVING = Duration.ofSeconds(120);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Settings settings;
    private final RunState state;
    private final Terminal terminal;

    Stopper(Settings settings, RunState state, Terminal terminal) {
        this.settings = settings;
        this.state = state;
        this.terminal = terminal;
    }

    /** Stops the processes of these records (those still running), saying so, and removes their run files. */
    public void stop(List<RunRecord> records) {
        stop(records, true);
    }

    /**
     * As {@link #stop(List)}; without {@code report} it undoes a start that failed: quietly (the failure is the news)
     * and without waiting long for CDS archives, which are discarded anyway.
     */
    void stop(List<RunRecord> records, boolean report) {
        if (report && records.stream().anyMatch(r -> r.trainsArchive() && r.isAlive())) {
            terminal.println("the JVMs write their CDS archives as they exit (once per build; next starts are faster) ...");
        }
        for (Topology.Kind kind : List.of(Topology.Kind.SERVICE, Topology.Kind.REGISTRY)) {
            List<RunRecord> group = records.stream().filter(r -> r.asInstance().kind() == kind).toList();
            CompletableFuture.allOf(group.stream()
                    .map(record -> CompletableFuture.runAsync(() -> stop(record, report), runnable -> new Thread(runnable).start()))
                    .toArray(CompletableFuture[]::new)).join();
        }
        records.stream().filter(r -> r.asInstance().kind() == Topology.Kind.INFRASTRUCTURE)
                .sorted(Comparator.comparing(RunRecord::asInstance, StackPlan.startOrder()).reversed())
                .forEach(record -> stop(record, report));
    }

    private void stop(RunRecord record, boolean report) {
        if (record.isAlive()) {
            long started = System.nanoTime();
            Duration grace = record.trainsArchive() && report ? GRACE_WHILE_ARCHIVING : GRACE;
            boolean postgres = record.service().equals(Topology.POSTGRES);
            Signals.sendAndResume(record, postgres ? "INT" : "TERM");
            if (exited(record, grace)) {
                if (report) {
                    boolean archived = record.trainsArchive()
                            && Files.isRegularFile(ClassDataSharing.archive(settings.cds(), record.service()));
                    terminal.println(String.format("stopped %s (%.1f s%s)", record.instance(), (System.nanoTime() - started) / 1e9,
                            archived ? ", wrote its CDS archive" : ""));
                }
            } else {
                kill(record);
                terminal.println("killed " + record.instance() + " (still running " + grace.toSeconds() + " s after SIG"
                        + (postgres ? "INT" : "TERM") + ")");
            }
        }
        state.remove(record);
        if (record.asInstance().kind() == Topology.Kind.INFRASTRUCTURE) {
            try {
                Files.deleteIfExists(settings.ready(record.instance()));
            } catch (IOException e) {
                // a stale ready file is ignored anyway: it names a pid that is gone
            }
        }
    }

    /**
     * {@code kill}: SIGKILL, except for PostgreSQL, which gets what {@code pg_ctl stop -m immediate} sends, SIGQUIT: the
     * postmaster ends its backends at once and exits, and the next start runs crash recovery. A SIGKILL of the
     * postmaster alone would leave its backends running, holding the shared memory the next start needs.
     */
    public void kill(RunRecord record) {
        if (record.service().equals(Topology.POSTGRES)) {
            Signals.sendAndResume(record, "QUIT");
            if (exited(record, AFTER_KILL)) {
                return;
            }
            Signals.killWithChildren(record);
        } else {
            record.process().ifPresent(ProcessHandle::destroyForcibly);
        }
        exited(record, AFTER_KILL);
    }

    /**
     * A postmaster running on the data directory that no live run file names: left by a launcher killed while
     * PostgreSQL started, by a deleted run file, or by the infrastructure JVM of earlier versions. It holds the data
     * directory and the port, so it goes.
     */
    public void stopOrphanedPostgres() {
        Path data = settings.postgresData();
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile) || state.record(Topology.POSTGRES).filter(RunRecord::isAlive).isPresent()) {
            return;
        }
        OptionalLong pid = pidIn(pidFile);
        boolean running = pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false)
                && ProcStat.of(pid.getAsLong()).map(stat -> !stat.exited()).orElse(true);
        try {
            PostgresServer.stopStaleServer(data);
            Files.deleteIfExists(settings.ready(Topology.POSTGRES));
        } catch (IOException | RuntimeException e) {
            throw new PlatformException("cannot stop the PostgreSQL left running on " + data + ": " + e.getMessage(), e);
        }
        if (running) {
            terminal.println("stopped PostgreSQL (pid " + pid.getAsLong() + ") left running on " + data + " without a run file");
        }
    }

    private static OptionalLong pidIn(Path pidFile) {
        try {
            String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
            return OptionalLong.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Polls the record rather than waiting for ProcessHandle.onExit: a postmaster is no child of ours, and once stopped
     * it may stay a zombie that the JDK counts as alive.
     */
    static boolean exited(RunRecord record, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (record.isAlive()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return !record.isAlive();
            }
        }
        return true;
    }
}
