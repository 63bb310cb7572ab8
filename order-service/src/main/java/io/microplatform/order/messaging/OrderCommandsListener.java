package io.microplatform.order.messaging;

import java.util.UUID;

import io.microplatform.contracts.Command;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.ConfirmOrder;
import io.microplatform.contracts.OrderMessages.OrderCancelled;
import io.microplatform.contracts.OrderMessages.OrderConfirmed;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import io.microplatform.messaging.CommandReplies;
import io.microplatform.order.OrderManagement;
import io.microplatform.order.domain.CancellationReason;
import io.microplatform.order.domain.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's commands to order-service. Each handler is one transaction: the status change and the reply commit
 * together or not at all. The reply always tells the order's status as stored, so a redelivered or re-sent command
 * (OrderManagement finds it by the status it asks for) gets the same reply as the first time.
 */
@Component
@KafkaListener(topics = Topics.ORDER_COMMANDS)
class OrderCommandsListener {

    private static final Logger log = LoggerFactory.getLogger(OrderCommandsListener.class);

    private final OrderManagement orders;
    private final CommandReplies replies;

    OrderCommandsListener(OrderManagement orders, CommandReplies replies) {
        this.orders = orders;
        this.replies = replies;
    }

    @KafkaHandler
    @Transactional
    public void confirm(ConfirmOrder command) {
        reply(command, orders.confirm(command.orderId()));
    }

    /**
     * A reason outside CancelOrder.REASONS breaks the command's contract: messaging-support dead-letters it as it
     * reads it, so valueOf finds every reason that gets here.
     */
    @KafkaHandler
    @Transactional
    public void cancel(CancelOrder command) {
        reply(command, orders.cancel(command.orderId(), CancellationReason.valueOf(command.reason())));
    }

    @KafkaHandler(isDefault = true)
    public void unexpected(Message other) {
        // without a default handler a type this listener does not handle would be retried, then dead-lettered
        log.warn("Ignoring {} on {}", other, Topics.ORDER_COMMANDS);
    }

    /**
     * OrderConfirmed or OrderCancelled as the order stands, whichever command asked: a CancelOrder for a confirmed
     * order (which the saga never sends) is answered OrderConfirmed, so the orchestrator learns the truth.
     */
    private void reply(Command command, Order order) {
        UUID id = UUID.randomUUID();
        Reply reply = switch (order.status()) {
            case CONFIRMED -> new OrderConfirmed(id, order.id(), command.messageId());
            case CANCELLED -> new OrderCancelled(id, order.id(), command.messageId());
            case PENDING -> throw new IllegalStateException("order " + order.id() + " still PENDING after " + command);
        };
        replies.send(reply);
    }
}
