package io.microplatform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster seen from outside, through its postmaster.pid file and the operating system's process table.
 * Needed because pg_ctl starts the postmaster detached: when the JVM that started it is killed, it keeps running.
 */
final class Postmaster {

    static final String PID_FILE = "postmaster.pid";

    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private Postmaster() {
    }

    /** The first line of postmaster.pid is the postmaster's process id. */
    static OptionalLong pidOf(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty() || lines.get(0).isBlank()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (java.nio.file.NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        } catch (NumberFormatException e) {
            // a half-written file from a crash: no process to stop, and PostgreSQL would refuse to start over it
            return OptionalLong.empty();
        }
    }

    /**
     * Alive and not a zombie. A stopped orphan stays a zombie until its parent reaps it, and in a container PID 1
     * may never do so; ProcessHandle.isAlive and PostgreSQL's own kill(pid, 0) check both count a zombie as alive.
     */
    static boolean isRunning(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.isReadable(stat)) {
            return true;
        }
        try {
            String content = Files.readString(stat);
            // "pid (comm) S ...": comm may contain spaces and parentheses, the state follows the last ')'
            String afterName = content.substring(content.lastIndexOf(')') + 1).trim();
            return !afterName.startsWith("Z") && !afterName.startsWith("X");
        } catch (IOException e) {
            return false;
        }
    }

    /** Empty when the operating system does not tell (another user's process, or no /proc). */
    static Optional<Boolean> isPostgres(long pid) {
        Optional<String> command = ProcessHandle.of(pid).flatMap(handle -> handle.info().command());
        if (command.isPresent()) {
            return Optional.of(isPostgresExecutable(Path.of(command.get()).getFileName().toString()));
        }
        Path comm = Path.of("/proc", Long.toString(pid), "comm");
        try {
            return Files.isReadable(comm) ? Optional.of(isPostgresExecutable(Files.readString(comm).trim())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A postmaster works in its data directory. Empty when the operating system does not tell. Guards against a
     * pid that was reused by another PostgreSQL (after a reboot or in a fresh container pids start over).
     */
    static Optional<Boolean> servesDirectory(long pid, Path dataDirectory) {
        Path cwd = Path.of("/proc", Long.toString(pid), "cwd");
        try {
            return Optional.of(cwd.toRealPath().equals(dataDirectory.toRealPath()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgresExecutable(String name) {
        // "postgres", "postgres.exe", or "postgres (deleted)" when the unpacked binaries were removed meanwhile
        return name.startsWith("postgres");
    }

    /**
     * Stops the postmaster of the data directory if one runs, then removes a postmaster.pid that no running
     * postmaster owns: PostgreSQL refuses to start while the pid in it belongs to any live process (a zombie too).
     */
    static void stopAndClean(Path dataDirectory) {
        OptionalLong pid = pidOf(dataDirectory);
        if (pid.isPresent() && isRunning(pid.getAsLong())) {
            Optional<Boolean> postgres = isPostgres(pid.getAsLong());
            if (postgres.isEmpty()) {
                throw new IllegalStateException("Cannot tell whether process " + pid.getAsLong() + " named in "
                        + dataDirectory.resolve(PID_FILE) + " is PostgreSQL; stop it or delete the file by hand");
            }
            if (postgres.get() && servesDirectory(pid.getAsLong(), dataDirectory).orElse(true)) {
                log.warn("Stopping PostgreSQL (pid {}) left running on {}", pid.getAsLong(), dataDirectory);
                stop(pid.getAsLong());
            } else {
                log.info("Process {} named in {} is not this directory's PostgreSQL (its pid was reused)",
                        pid.getAsLong(), dataDirectory.resolve(PID_FILE));
            }
        }
        // left running only by a pid reuse, or gone: either way the file is stale now
        deleteIfExists(dataDirectory.resolve(PID_FILE));
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown (SIGTERM, what ProcessHandle.destroy sends, waits for every client to
     * disconnect); then immediate shutdown (SIGQUIT), then SIGKILL, each after a timeout.
     */
    static void stop(long pid) {
        if (signal(pid, "INT") && awaitGone(pid, FAST_SHUTDOWN_WAIT)) {
            return;
        }
        log.warn("PostgreSQL (pid {}) did not finish a fast shutdown within {}, sending SIGQUIT", pid, FAST_SHUTDOWN_WAIT);
        if (signal(pid, "QUIT") && awaitGone(pid, IMMEDIATE_SHUTDOWN_WAIT)) {
            return;
        }
        log.warn("PostgreSQL (pid {}) still running, killing it", pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        if (!awaitGone(pid, KILL_WAIT)) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") survived SIGKILL");
        }
    }

    static boolean awaitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
        return true;
    }

    private static boolean signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            // no kill command (Windows): SIGTERM is all the JDK can send; it still stops an orphan without clients
            return ProcessHandle.of(pid).map(ProcessHandle::destroy).orElse(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteIfExists(Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                log.info("Removed stale {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL to stop", e);
        }
    }
}
