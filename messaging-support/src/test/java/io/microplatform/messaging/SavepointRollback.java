package io.microplatform.messaging;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction in which one step fails inside a nested transaction (a savepoint) and is rolled back to it, while the
 * rest of the transaction goes on and commits: what the outbox and the clocks must survive without a trace of the step.
 */
final class SavepointRollback {

    private SavepointRollback() {
    }

    static void commitWithoutTheFailedStep(TransactionTemplate transaction, Runnable failedStep, Runnable rest) {
        TransactionTemplate nested = new TransactionTemplate(transaction.getTransactionManager());
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        transaction.executeWithoutResult(status -> {
            try {
                nested.executeWithoutResult(savepoint -> {
                    failedStep.run();
                    throw new IllegalStateException("this step failed, the rest of the transaction goes on");
                });
            }
            catch (IllegalStateException expected) {
                // rolled back to the savepoint
            }
            rest.run();
        });
    }
}
