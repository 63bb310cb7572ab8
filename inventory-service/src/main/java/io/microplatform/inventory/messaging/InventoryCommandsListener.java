package io.microplatform.inventory.messaging;

import java.util.List;
import java.util.UUID;

import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReleased;
import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.InventoryMessages.StockUnavailable;
import io.microplatform.contracts.Topics;
import io.microplatform.inventory.InventoryManagement;
import io.microplatform.inventory.domain.ReservationOutcome;
import io.microplatform.inventory.domain.ReservationOutcome.Unavailable;
import io.microplatform.inventory.domain.StockLine;
import io.microplatform.messaging.CommandReplies;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orchestrator's commands to inventory. Each handler is one transaction: effect and reply (through the outbox)
 * commit together or not at all; InventoryManagement finds a redelivery by the order's one reservation. Every
 * delivery is answered, a redelivery too: the reply the first delivery sent may be the message that got lost. An
 * exception means a technical failure: the record is retried and then dead-lettered, never answered with a failure
 * reply. A command that breaks its contract (ReserveStock.violations(): no lines, a quantity outside 1 to
 * FieldLimits.QUANTITY_MAX, a sku that is no identifier) never gets here: messaging-support dead-letters it as it
 * reads it, since it is a bug upstream, and a refusal would be stored and compensated as if stock had run out.
 */
@Component
@KafkaListener(topics = Topics.INVENTORY_COMMANDS)
class InventoryCommandsListener {

    private final InventoryManagement inventory;
    private final CommandReplies replies;

    InventoryCommandsListener(InventoryManagement inventory, CommandReplies replies) {
        this.inventory = inventory;
        this.replies = replies;
    }

    @KafkaHandler
    @Transactional
    public void reserve(ReserveStock command) {
        List<StockLine> lines = command.lines().stream()
                .map(line -> new StockLine(line.sku(), line.quantity()))
                .toList();
        ReservationOutcome outcome = inventory.reserve(command.orderId(), lines);
        replies.send(outcome instanceof Unavailable unavailable
                ? new StockUnavailable(UUID.randomUUID(), command.orderId(), command.messageId(), unavailable.skus())
                : new StockReserved(UUID.randomUUID(), command.orderId(), command.messageId()));
    }

    @KafkaHandler
    @Transactional
    public void release(ReleaseStock command) {
        inventory.release(command.orderId());
        replies.send(new StockReleased(UUID.randomUUID(), command.orderId(), command.messageId()));
    }
}
