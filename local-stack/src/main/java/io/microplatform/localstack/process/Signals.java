package io.microplatform.localstack.process;

import io.microplatform.localstack.console.PlatformException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals the JDK cannot send (it knows only SIGTERM and SIGKILL), through the {@code kill} command, to a recorded
 * process of the stack and, where it has any, its children. Public for the chaos runner, which pauses processes
 * in-process from its own threads.
 * <p>
 * Why the children one by one rather than the process group: every PostgreSQL backend calls setsid() when the postmaster
 * forks it, so the postmaster's group holds the postmaster alone. Stopping only the postmaster would leave every open
 * connection answering queries: not the hung database a pause is meant to show.
 */
public final class Signals {

    private static final long KILL_TIMEOUT_SECONDS = 10;

    private Signals() {
    }

    /**
     * SIGSTOP to the process, then to its descendants: once the parent is stopped it forks no more, so the list of
     * children read afterwards is complete. Does nothing if the record's process is gone.
     */
    public static void stop(RunRecord record) {
        record.process().ifPresent(process -> {
            send("STOP", List.of(process.pid()));
            List<Long> children = descendants(process);
            if (!children.isEmpty()) {
                send("STOP", children);
            }
        });
    }

    /** SIGCONT to the descendants, then to the process. Does nothing if the record's process is gone. */
    public static void resume(RunRecord record) {
        record.process().ifPresent(process -> {
            List<Long> pids = descendants(process);
            pids.add(process.pid());
            send("CONT", pids);
        });
    }

    /**
     * A signal that a stopped process would only act on once continued (SIGTERM, SIGINT, SIGQUIT): sent, then the
     * process and its children are continued, so that stopping a paused process never waits for its pause to end.
     */
    static void sendAndResume(RunRecord record, String signal) {
        record.process().ifPresent(process -> {
            send(signal, List.of(process.pid()));
            List<Long> pids = descendants(process);
            pids.add(process.pid());
            send("CONT", pids);
        });
    }

    /** SIGKILL to the process and its descendants (a killed postmaster leaves backends that block the next start). */
    static void killWithChildren(RunRecord record) {
        record.process().ifPresent(process -> {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            process.destroyForcibly();
            all.forEach(ProcessHandle::destroyForcibly);
        });
    }

    private static List<Long> descendants(ProcessHandle process) {
        return new ArrayList<>(process.descendants().map(ProcessHandle::pid).toList());
    }

    /** A process that exits meanwhile makes kill fail for that pid only; the others still get the signal. */
    static void send(String signal, List<Long> pids) {
        List<String> command = new ArrayList<>(List.of("kill", "-s", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(KILL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new PlatformException("kill -s " + signal + " did not return within " + KILL_TIMEOUT_SECONDS + " s");
            }
        } catch (IOException e) {
            throw new PlatformException("cannot send SIG" + signal + " (no kill command?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while sending SIG" + signal, e);
        }
    }
}
