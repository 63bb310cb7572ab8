package io.microplatform.support.faults;

import io.microplatform.support.faults.CrashPoints.Armed;
import io.microplatform.support.faults.FaultRule.Crash;
import org.springframework.core.Ordered;
import org.springframework.lang.Nullable;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds the crash point in the transactions of an armed handling. Boot applies TransactionExecutionListener beans to
 * the transaction managers it creates (JDBC and JPA, TransactionManagerCustomizationAutoConfiguration). afterBegin
 * runs once the new transaction's synchronization is active, so it can register a synchronization ordered before
 * every other one: its beforeCommit runs before anything is committed, and its afterCommit before the outbox's
 * (messaging-support's Outbox registers one of default, lowest order that hands the new rows to its relay).
 */
final class CrashAtCommit implements TransactionExecutionListener {

    private final CrashPoints crashes;

    CrashAtCommit(CrashPoints crashes) {
        this.crashes = crashes;
    }

    /**
     * Only new read-write transactions: a read-only one writes nothing to crash before or after (order-service looks
     * up an idempotency key that way before its write), and a joined or nested one commits with its outer one.
     */
    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure != null || !transaction.isNewTransaction() || transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        crashes.armed().ifPresent(armed -> TransactionSynchronizationManager.registerSynchronization(
                new Point(armed, transaction.getTransactionName())));
    }

    private final class Point implements TransactionSynchronization {

        private final Armed armed;
        private final String transaction;

        Point(Armed armed, @Nullable String transaction) {
            this.armed = armed;
            // @Transactional names it after the method; a TransactionTemplate leaves it unnamed
            this.transaction = transaction == null || transaction.isEmpty() ? "" : " " + transaction;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            crashes.reached(armed, Crash.BEFORE_COMMIT, transaction);
        }

        @Override
        public void afterCommit() {
            crashes.reached(armed, Crash.AFTER_COMMIT, transaction);
        }
    }
}
