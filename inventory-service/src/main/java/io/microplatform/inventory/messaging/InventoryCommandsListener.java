package io.microplatform.inventory.messaging;

import java.util.List;
import java.util.UUID;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReleased;
import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.InventoryMessages.StockUnavailable;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import io.microplatform.inventory.InventoryManagement;
import io.microplatform.inventory.domain.ReservationOutcome;
import io.microplatform.inventory.domain.ReservationOutcome.Unavailable;
import io.microplatform.inventory.domain.StockLine;
import io.microplatform.messaging.Outbox;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orchestrator's commands to inventory. Each handler is one transaction: effect and reply (through the outbox)
 * commit together or not at all; InventoryManagement finds a redelivery by the order's one reservation. Every
 * delivery is answered, a redelivery too: the reply the first delivery sent may be the message that got lost. An
 * exception means a technical failure or a command that breaks the field contract (FieldLimits): the record is
 * retried and then dead-lettered, never answered with a failure reply.
 */
@Component
@KafkaListener(topics = Topics.INVENTORY_COMMANDS)
class InventoryCommandsListener {

    private final InventoryManagement inventory;
    private final Outbox outbox;

    InventoryCommandsListener(InventoryManagement inventory, Outbox outbox) {
        this.inventory = inventory;
        this.outbox = outbox;
    }

    @KafkaHandler
    @Transactional
    public void reserve(ReserveStock command) {
        requireWellFormed(command);
        List<StockLine> lines = command.lines().stream()
                .map(line -> new StockLine(line.sku(), line.quantity()))
                .toList();
        ReservationOutcome outcome = inventory.reserve(command.orderId(), lines);
        reply(command.orderId(), outcome instanceof Unavailable unavailable
                ? new StockUnavailable(UUID.randomUUID(), command.orderId(), command.messageId(), unavailable.skus())
                : new StockReserved(UUID.randomUUID(), command.orderId(), command.messageId()));
    }

    @KafkaHandler
    @Transactional
    public void release(ReleaseStock command) {
        requireIds(command.messageId(), command.orderId());
        inventory.release(command.orderId());
        reply(command.orderId(), new StockReleased(UUID.randomUUID(), command.orderId(), command.messageId()));
    }

    /**
     * A command that breaks the field contract (FieldLimits) is a bug upstream, not a business answer: it throws, so
     * the delivery is retried and then dead-lettered, and never refused (a refusal would be stored and compensated as
     * if stock had run out).
     */
    private static void requireWellFormed(ReserveStock command) {
        requireIds(command.messageId(), command.orderId());
        List<OrderLine> lines = command.lines();
        if (lines == null || lines.isEmpty() || lines.size() > FieldLimits.LINES_MAX) {
            throw new IllegalArgumentException("ReserveStock needs 1 to " + FieldLimits.LINES_MAX + " lines: " + command);
        }
        for (OrderLine line : lines) {
            if (line == null || !FieldLimits.isIdentifier(line.sku(), FieldLimits.SKU_MAX)
                    || line.quantity() < 1 || line.quantity() > FieldLimits.QUANTITY_MAX) {
                throw new IllegalArgumentException("ReserveStock with a malformed line " + line + ": " + command);
            }
        }
    }

    private static void requireIds(UUID messageId, UUID orderId) {
        if (messageId == null || orderId == null) {
            throw new IllegalArgumentException("command without message id or order id");
        }
    }

    private void reply(UUID orderId, Reply reply) {
        outbox.send(Topics.SAGA_REPLIES, orderId, reply);
    }
}
