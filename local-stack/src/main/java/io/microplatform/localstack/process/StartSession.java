package io.microplatform.localstack.process;

import io.microplatform.localstack.config.Instance;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import io.microplatform.localstack.startup.AppImages;
import io.microplatform.localstack.startup.ClassDataSharing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The processes one command (up, restart) starts, so that a failure or a Ctrl-C before they are all healthy stops
 * exactly those again: never a half-started stack, never an orphan.
 */
public final class StartSession implements AutoCloseable {

    private final Stack stack;
    private final List<InstanceLauncher.Started> started = new ArrayList<>();
    private final Thread hook = new Thread(this::onSignal, "platform-abort");
    private volatile boolean aborted;
    private boolean done;

    public StartSession(Stack stack) {
        this.stack = stack;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Runs {@code start} under the stack's lock in a session of its own (up and restart do): once it returns, what it
     * started outlives this command; when it throws, what it started is stopped again and the failure thrown on.
     */
    public static void run(Stack stack, Consumer<StartSession> start) {
        try (StackLock lock = StackLock.acquire(stack.settings.run(), stack.terminal);
                StartSession session = new StartSession(stack)) {
            try {
                start.accept(session);
                session.succeeded();
            } catch (RuntimeException e) {
                throw session.failed(e);
            }
        }
    }

    /**
     * Starts one process and returns what to watch; refuses once the session was aborted. PostgreSQL returns only once
     * it is ready (its helper exited), with the postmaster recorded; a Ctrl-C meanwhile waits for that, then stops it.
     */
    public synchronized StartupWatch.Watched launch(Instance instance, AppImages.Image image) {
        if (aborted) {
            throw new PlatformException("interrupted");
        }
        boolean othersRunning = stack.state.records().stream()
                .anyMatch(r -> r.service().equals(instance.service()) && r.isAlive());
        InstanceLauncher.Started process = stack.launcher.start(instance, image, othersRunning);
        started.add(process);
        if (instance.service().equals(Topology.POSTGRES)) {
            InstanceLauncher.Started postmaster = stack.launcher.awaitPostmaster(process, stack.startTimeout());
            started.set(started.size() - 1, postmaster);
            process = postmaster;
        }
        return new StartupWatch.Watched(instance, process.record(), true, process.process(), Instant.now());
    }

    public boolean aborted() {
        return aborted;
    }

    /** Everything started is healthy: from now on the processes outlive this command. */
    public synchronized void succeeded() {
        done = true;
    }

    /**
     * What a command throws when its start failed: the cause printed at once (stopping takes a while), then what this
     * session started stopped again. After a Ctrl-C nothing more: the shutdown hook stops it all and ends the JVM.
     */
    public RuntimeException failed(RuntimeException failure) {
        if (aborted) {
            LockSupport.park();
        }
        RuntimeException reported = failure instanceof PlatformException platform ? platform.reportNow() : failure;
        abort(false);
        return reported;
    }

    private void onSignal() {
        // set before taking the lock: the command's own thread stops waiting at once
        aborted = true;
        abort(true);
    }

    /** Stops what this session started; a CDS archive trained by a start that failed would be a poor one. */
    private synchronized void abort(boolean interrupted) {
        aborted = true;
        if (done) {
            return;
        }
        done = true;
        if (interrupted) {
            stack.terminal.println("interrupted: stopping what this command started ...");
        }
        stack.stopper.stop(started.stream().map(InstanceLauncher.Started::record).toList(), false);
        if (started.stream().anyMatch(s -> s.instance().service().equals(Topology.POSTGRES))) {
            // its helper may have failed or timed out after the postmaster came up
            stack.stopper.stopOrphanedPostgres();
        }
        started.stream().filter(s -> s.cds().training()).forEach(s -> ClassDataSharing.discard(s.cds().archive()));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }
}
