package io.microplatform.localstack.cli;

import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import java.util.List;

/**
 * {@code kill SERVICE}: no shutdown at all, for demos and chaos runs of what the rest of the system does when a process
 * dies: SIGKILL for every JVM, an immediate stop for PostgreSQL (Stopper#kill). The run files stay, so ps shows the
 * processes as exited until the next up, restart or down; the data stays too.
 */
record Kill(Stack stack, String target) {

    int run() {
        List<RunRecord> alive = stack.running(target);
        for (RunRecord record : alive) {
            stack.stopper.kill(record);
            stack.terminal.println("killed " + record.instance() + " (pid " + record.pid()
                    + (record.service().equals(Topology.POSTGRES) ? ", immediate shutdown" : "") + ")");
        }
        return 0;
    }
}
