package io.microplatform.shipping.messaging;

import java.util.UUID;

import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.ShippingMessages.CancelShipment;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.ShippingMessages.ShipmentCancelled;
import io.microplatform.contracts.ShippingMessages.ShipmentCreated;
import io.microplatform.contracts.ShippingMessages.ShipmentFailed;
import io.microplatform.contracts.Topics;
import io.microplatform.messaging.CommandAnswers;
import io.microplatform.messaging.CommandReplies;
import io.microplatform.shipping.ShippingManagement;
import io.microplatform.shipping.domain.Address;
import io.microplatform.shipping.domain.ShipmentOutcome;
import io.microplatform.shipping.domain.ShipmentOutcome.Failed;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orchestrator's commands to shipping. In each handler one transaction holds effect and reply (through the
 * outbox): they commit together or not at all; ShippingManagement finds a redelivery by the order's one shipment.
 * Every delivery is answered, a redelivery too: the reply the first delivery sent may be the message that got lost.
 * An exception means a technical failure: the record is retried and then dead-lettered, never answered with a failure
 * reply. A command that breaks its contract (CreateShipment.violations(): no address, a line blank, too long or with
 * control characters, a country that is no ISO code) never gets here: messaging-support dead-letters it as it reads
 * it, before the carrier could be asked, and it is never refused.
 */
@Component
@KafkaListener(topics = Topics.SHIPPING_COMMANDS)
class ShippingCommandsListener {

    private final ShippingManagement shipping;
    private final CommandAnswers answers;

    ShippingCommandsListener(ShippingManagement shipping, CommandReplies replies, TransactionTemplate transactions) {
        this.shipping = shipping;
        this.answers = new CommandAnswers(replies, transactions);
    }

    /**
     * The carrier is asked first, outside any transaction (CommandAnswers); then one transaction creates the shipment
     * (or refuses) and sends the reply. An undeliverable address (postal code 00000) is refused without asking the
     * carrier; a carrier's refusal is business too: both are answered ShipmentFailed.
     */
    @KafkaHandler
    public void create(CreateShipment command) {
        Address address = address(command.address());
        answers.afterAsking(() -> shipping.book(command.orderId(), address), carrierRefusal -> {
            ShipmentOutcome outcome = shipping.create(command.orderId(), address, carrierRefusal);
            return outcome instanceof Failed failed
                    ? new ShipmentFailed(UUID.randomUUID(), command.orderId(), command.messageId(), failed.reason())
                    : new ShipmentCreated(UUID.randomUUID(), command.orderId(), command.messageId());
        });
    }

    @KafkaHandler
    @Transactional
    public void cancel(CancelShipment command) {
        shipping.cancel(command.orderId());
        answers.send(new ShipmentCancelled(UUID.randomUUID(), command.orderId(), command.messageId()));
    }

    private static Address address(ShippingAddress address) {
        return new Address(address.name(), address.street(), address.city(), address.postalCode(), address.country());
    }
}
