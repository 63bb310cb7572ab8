package io.microplatform.shipping.messaging;

import java.util.UUID;

import io.microplatform.contracts.Reply;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.ShippingMessages.CancelShipment;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.ShippingMessages.ShipmentCancelled;
import io.microplatform.contracts.ShippingMessages.ShipmentCreated;
import io.microplatform.contracts.ShippingMessages.ShipmentFailed;
import io.microplatform.contracts.Topics;
import io.microplatform.messaging.Outbox;
import io.microplatform.messaging.ProcessedMessages;
import io.microplatform.shipping.ShippingManagement;
import io.microplatform.shipping.domain.Address;
import io.microplatform.shipping.domain.ShipmentOutcome;
import io.microplatform.shipping.domain.ShipmentOutcome.Failed;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orchestrator's commands to shipping. Each handler is one transaction: processed-message record, effect and
 * reply (through the outbox) commit together or not at all. Every delivery is answered, a redelivery too: the
 * reply the first delivery sent may be the message that got lost. An exception means a technical failure: the
 * record is retried and then dead-lettered, never answered with a failure reply.
 */
@Component
@KafkaListener(topics = Topics.SHIPPING_COMMANDS)
class ShippingCommandsListener {

    private final ShippingManagement shipping;
    private final ProcessedMessages processedMessages;
    private final Outbox outbox;

    ShippingCommandsListener(ShippingManagement shipping, ProcessedMessages processedMessages, Outbox outbox) {
        this.shipping = shipping;
        this.processedMessages = processedMessages;
        this.outbox = outbox;
    }

    @KafkaHandler
    @Transactional
    public void create(CreateShipment command) {
        // Recorded for the log and the duplicates metric; the effect needs no branch on it, because it is keyed by
        // the order (one shipment each), which also covers a re-send under a new message id, and the answer comes
        // from the stored shipment: a redelivery changes nothing and gets the first answer again.
        processedMessages.markProcessed("shipping.create-shipment", command.messageId());
        ShipmentOutcome outcome = shipping.create(command.orderId(), address(command.address()));
        reply(command.orderId(), outcome instanceof Failed failed
                ? new ShipmentFailed(UUID.randomUUID(), command.orderId(), command.messageId(), failed.reason())
                : new ShipmentCreated(UUID.randomUUID(), command.orderId(), command.messageId()));
    }

    @KafkaHandler
    @Transactional
    public void cancel(CancelShipment command) {
        processedMessages.markProcessed("shipping.cancel-shipment", command.messageId());
        shipping.cancel(command.orderId());
        reply(command.orderId(), new ShipmentCancelled(UUID.randomUUID(), command.orderId(), command.messageId()));
    }

    private static Address address(ShippingAddress address) {
        return address == null ? null : new Address(address.name(), address.street(), address.city(),
                address.postalCode(), address.country());
    }

    private void reply(UUID orderId, Reply reply) {
        outbox.send(Topics.SAGA_REPLIES, orderId, reply);
    }
}
