package io.microplatform.saga.messaging;

import io.microplatform.messaging.Outbox;
import io.microplatform.saga.domain.CommandSender;
import io.microplatform.saga.domain.OutgoingCommand;

import org.springframework.stereotype.Component;

/**
 * Commands go to their participant's topic through the transactional outbox, keyed by order id: sent if and only if
 * the saga change that decided them commits. A re-send writes a new outbox row carrying the same message id.
 */
@Component
class OutboxCommandSender implements CommandSender {

    private final Outbox outbox;

    OutboxCommandSender(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(OutgoingCommand command) {
        outbox.send(CommandMessages.topicOf(command.command()), command.orderId(), CommandMessages.toMessage(command));
    }
}
