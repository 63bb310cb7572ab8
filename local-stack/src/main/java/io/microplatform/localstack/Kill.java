package io.microplatform.localstack;

import java.util.List;
import java.util.Optional;

/**
 * {@code kill SERVICE}: SIGKILL, no shutdown at all, for demos of what the rest of the system does when a service
 * dies. The run files stay, so ps shows the instances as exited until the next up or down.
 */
final class Kill {

    private final Stack stack;
    private final String target;

    Kill(Stack stack, String target) {
        this.stack = stack;
        this.target = target;
    }

    int run() {
        List<RunRecord> alive = stack.state.select(target).stream().filter(RunRecord::isAlive).toList();
        if (alive.isEmpty()) {
            throw new PlatformException(target + " is not running");
        }
        for (RunRecord record : alive) {
            Optional<ProcessHandle> process = record.process();
            process.ifPresent(ProcessHandle::destroyForcibly);
            process.ifPresent(handle -> Stopper.exited(handle, java.time.Duration.ofSeconds(10)));
            stack.terminal.println("killed " + record.instance() + " (pid " + record.pid() + ")");
        }
        return 0;
    }
}
