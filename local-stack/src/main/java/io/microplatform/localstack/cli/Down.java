package io.microplatform.localstack.cli;

import io.microplatform.localstack.process.RunRecord;
import io.microplatform.localstack.process.Stack;
import io.microplatform.localstack.process.StackLock;
import io.microplatform.localstack.startup.AppImages;
import java.util.List;

/** {@code down [-v]}: stops every process of the stack in order; -v also deletes the data of PostgreSQL and Kafka. */
record Down(Stack stack, boolean volumes) {

    int run() {
        try (StackLock lock = StackLock.acquire(stack.settings.run(), stack.terminal)) {
            List<RunRecord> records = stack.state.records();
            if (records.stream().noneMatch(RunRecord::isAlive)) {
                stack.terminal.println("nothing is running");
            }
            stack.stopper.stop(records);
            // also after a kill -9 of the infrastructure whose run file is gone already
            stack.stopper.stopOrphanedPostgres();
            if (volumes) {
                AppImages.delete(stack.settings.data());
                stack.terminal.println("deleted " + stack.settings.data());
            }
        }
        return 0;
    }
}
