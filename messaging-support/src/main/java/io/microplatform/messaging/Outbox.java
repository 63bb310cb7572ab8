package io.microplatform.messaging;

import io.microplatform.contracts.Message;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends messages to Kafka if and only if the caller's database transaction commits: the message is written to
 * outbox_messages in that transaction, and sent after the commit (see docs/decisions/0002-transactional-outbox.md).
 * Delivery is at least once: consumers must be idempotent (see {@link Duplicates}).
 */
public class Outbox {

    private final OutboxTable table;
    private final OutboxRelay relay;
    private final MessageJson json;
    private final TraceParents traceParents;
    private final CausalClocks clocks;

    Outbox(OutboxTable table, OutboxRelay relay, MessageJson json, TraceParents traceParents, CausalClocks clocks) {
        this.table = table;
        this.relay = relay;
        this.json = json;
        this.traceParents = traceParents;
        this.clocks = clocks;
    }

    /**
     * The message carries the order's vector clock in this transaction (header {@code vector-clock}), the same clock
     * as the effects the transaction records with {@link CausalHistory}.
     *
     * @param key the Kafka record key: the order id, so that all messages of one order stay on one partition, in order
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    public void send(String topic, UUID key, Message message) {
        Transactions.requireActive("Outbox.send");
        MessageJson.Encoded encoded = json.encode(message);
        OutboxRecord record = table.insert(topic, key, encoded.type(), encoded.json(), traceParents.current(),
                clocks.current(key).toString());
        TransactionSynchronizationManager.registerSynchronization(new PublishAfterCommit(record));
    }

    private final class PublishAfterCommit implements TransactionSynchronization {

        private final OutboxRecord record;
        private final Set<Object> savepointsBeforeInsert = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean insertRolledBack;

        PublishAfterCommit(OutboxRecord record) {
            this.record = record;
        }

        @Override
        public void savepoint(Object savepoint) {
            savepointsBeforeInsert.add(savepoint);
        }

        /** A rollback to a savepoint taken before the insert (a NESTED transaction that failed) undid the row. */
        @Override
        public void savepointRollback(Object savepoint) {
            if (!savepointsBeforeInsert.contains(savepoint)) {
                insertRolledBack = true;
            }
        }

        @Override
        public void afterCommit() {
            if (!insertRolledBack) {
                relay.publishSoon(record, Instant.now());
            }
        }
    }
}
