package io.microplatform.localstack;

import io.microplatform.embedded.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops processes of the stack in the reverse of start order: the business services together (SIGTERM, so Spring
 * shuts down gracefully, deregisters from Eureka and a training JVM writes its CDS archive), then the registry, then
 * the infrastructure (which closes Kafka, then PostgreSQL). Whatever has not exited after the grace period gets SIGKILL.
 */
final class Stopper {

    static final Duration GRACE = Duration.ofSeconds(30);
    /**
     * A JVM training its CDS archive writes it after Spring has shut down: ~10 s alone, several times that when five
     * do it at once on 2 cores. Killing it then would only mean training again on the next start.
     */
    static final Duration GRACE_WHILE_ARCHIVING = Duration.ofSeconds(120);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private final Settings settings;
    private final RunState state;
    private final Terminal terminal;

    Stopper(Settings settings, RunState state, Terminal terminal) {
        this.settings = settings;
        this.state = state;
        this.terminal = terminal;
    }

    /** Stops the processes of these records (those still running), saying so, and removes their run files. */
    void stop(List<RunRecord> records) {
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
        for (Topology.Kind kind : List.of(Topology.Kind.SERVICE, Topology.Kind.REGISTRY, Topology.Kind.INFRASTRUCTURE)) {
            List<RunRecord> group = records.stream().filter(r -> r.asInstance().kind() == kind).toList();
            CompletableFuture.allOf(group.stream()
                    .map(record -> CompletableFuture.runAsync(() -> stop(record, report), runnable -> new Thread(runnable).start()))
                    .toArray(CompletableFuture[]::new)).join();
            if (kind == Topology.Kind.INFRASTRUCTURE && !group.isEmpty()) {
                stopOrphanedPostgres();
            }
        }
    }

    private void stop(RunRecord record, boolean report) {
        Optional<ProcessHandle> process = record.process();
        if (process.isPresent()) {
            long started = System.nanoTime();
            Duration grace = record.trainsArchive() && report ? GRACE_WHILE_ARCHIVING : GRACE;
            process.get().destroy();
            if (exited(process.get(), grace)) {
                if (report) {
                    boolean archived = record.trainsArchive()
                            && Files.isRegularFile(ClassDataSharing.archive(settings.cds(), record.service()));
                    terminal.println(String.format("stopped %s (%.1f s%s)", record.instance(), (System.nanoTime() - started) / 1e9,
                            archived ? ", wrote its CDS archive" : ""));
                }
            } else {
                process.get().destroyForcibly();
                exited(process.get(), AFTER_KILL);
                terminal.println("killed " + record.instance() + " (still running " + grace.toSeconds() + " s after SIGTERM)");
            }
        }
        state.remove(record);
        if (record.asInstance().kind() == Topology.Kind.INFRASTRUCTURE) {
            try {
                Files.deleteIfExists(settings.infrastructureReady());
            } catch (IOException e) {
                // a stale ready file is ignored anyway: it names a pid that is gone
            }
        }
    }

    /** After a kill -9 of the infrastructure JVM its PostgreSQL (a separate process) lives on, holding the data folder. */
    void stopOrphanedPostgres() {
        java.nio.file.Path pidFile = settings.postgresData().resolve("postmaster.pid");
        if (Files.exists(pidFile)) {
            String pid;
            try {
                pid = Files.readAllLines(pidFile).stream().findFirst().orElse("?").strip();
            } catch (IOException e) {
                pid = "?";
            }
            PostgresServer.stopStaleServer(settings.postgresData());
            terminal.println("stopped PostgreSQL (pid " + pid + ") left running by an infrastructure JVM that was killed");
        }
    }

    static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
