package io.microplatform.messaging;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

final class Transactions {

    private Transactions() {
    }

    /** Outside a transaction the write would commit on its own and no longer go together with the business change. */
    static void requireActive(String operation) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(operation + " must run inside the transaction of the business "
                    + "change it belongs to (annotate the caller with @Transactional)");
        }
    }
}
