package io.microplatform.localstack.cli;

import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Signals;
import io.microplatform.localstack.process.Stack;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * {@code pause SERVICE|INSTANCE DURATION}: SIGSTOP to every instance of a service or to one instance (PostgreSQL with
 * all its backends, Signals), then the wait, with the time left on a terminal, then SIGCONT. A Ctrl-C resumes at once:
 * the launcher never leaves a process stopped. Only a kill -9 of the launcher could; ps then shows the process as
 * paused, and {@code pause NAME 0s} resumes it.
 */
final class Pause {

    private static final Duration TICK = Duration.ofMillis(200);

    private final Stack stack;
    private final String target;
    private final Duration duration;
    private final BooleanSupplier resumeEarly;
    private boolean resumed;

    Pause(Stack stack, String target, Duration duration) {
        this(stack, target, duration, () -> false);
    }

    /** Resumes when {@code resumeEarly} says so (asked every tick), at the latest after {@code duration}. */
    Pause(Stack stack, String target, Duration duration, BooleanSupplier resumeEarly) {
        this.stack = stack;
        this.target = target;
        this.duration = duration;
        this.resumeEarly = resumeEarly;
    }

    int run() {
        List<RunRecord> alive = stack.running(target);
        String names = alive.stream().map(r -> r.instance() + " (pid " + r.pid() + ")").collect(Collectors.joining(", "));
        long begin = System.nanoTime();
        // before the first SIGSTOP: from then on any end of this JVM but a kill -9 continues them
        Thread hook = new Thread(() -> {
            if (resume(alive)) {
                stack.terminal.status("");
                stack.terminal.println(String.format("interrupted: resumed %s after %.1f s", target, seconds(begin)));
            }
        }, "platform-resume");
        Runtime.getRuntime().addShutdownHook(hook);
        alive.forEach(Signals::stop);
        stack.terminal.println("paused " + names + " for " + describe(duration) + "; Ctrl-C resumes now");
        long deadline = begin + duration.toNanos();
        for (long left = deadline - System.nanoTime(); left > 0 && !resumeEarly.getAsBoolean();
                left = deadline - System.nanoTime()) {
            stack.terminal.status(String.format("%s paused, resuming in %d s", target, (left + 999_999_999) / 1_000_000_000));
            LockSupport.parkNanos(Math.min(left, TICK.toNanos()));
        }
        if (resume(alive)) {
            stack.terminal.status("");
            stack.terminal.println(String.format("resumed %s after %.1f s", target, seconds(begin)));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook resumes them, or already did
        }
        return 0;
    }

    /**
     * Once only, whoever comes first: the end of the wait or the shutdown hook. Synchronized: a hook that comes second
     * waits until the SIGCONTs are out, or the JVM could end before they are.
     */
    private synchronized boolean resume(List<RunRecord> paused) {
        if (resumed) {
            return false;
        }
        resumed = true;
        paused.forEach(Signals::resume);
        return true;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
