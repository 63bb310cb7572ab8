package io.microplatform.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Placeholder until the local-stack package's own pause lands: SIGSTOP, wait, SIGCONT (always). */
final class Pause {

    private final Stack stack;
    private final String target;
    private final Duration duration;

    Pause(Stack stack, String target, Duration duration) {
        this.stack = stack;
        this.target = target;
        this.duration = duration;
    }

    int run() {
        List<RunRecord> alive = stack.state.select(target).stream().filter(RunRecord::isAlive).toList();
        if (alive.isEmpty()) {
            throw new PlatformException(target + " is not running");
        }
        try {
            alive.forEach(record -> signal("STOP", record.pid()));
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            alive.forEach(record -> signal("CONT", record.pid()));
        }
        return 0;
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new PlatformException("cannot send SIG" + signal + " to " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
