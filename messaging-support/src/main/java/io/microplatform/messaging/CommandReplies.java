package io.microplatform.messaging;

import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;

/**
 * How a saga participant answers the orchestrator's commands: every reply goes to {@link Topics#SAGA_REPLIES}, keyed
 * by its order id, through the {@link Outbox}, so it is sent if and only if the transaction that applied the command's
 * effect commits. Every delivery of a command is answered, a redelivery too: the reply the first delivery sent may be
 * the message that got lost.
 */
public class CommandReplies {

    private final Outbox outbox;

    CommandReplies(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Sends the reply in the caller's transaction.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    public void send(Reply reply) {
        outbox.send(Topics.SAGA_REPLIES, reply.orderId(), reply);
    }
}
