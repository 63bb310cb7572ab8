package io.microplatform.order.messaging;

import java.util.UUID;

import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.OrderMessages.OrderStalled;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.Topics;
import io.microplatform.messaging.Outbox;
import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderEvents;

import org.springframework.stereotype.Component;

/** Order events on Kafka, through the outbox: published if and only if the order's transaction commits. */
@Component
class OutboxOrderEvents implements OrderEvents {

    private final Outbox outbox;

    OutboxOrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void placed(Order order) {
        var address = order.shippingAddress();
        outbox.send(Topics.ORDER_EVENTS, order.id(), new OrderPlaced(UUID.randomUUID(), order.id(), order.customerId(),
                order.items().stream().map(item -> new OrderLine(item.sku(), item.quantity(), item.unitPrice())).toList(),
                order.shippingCost(), order.total(),
                new ShippingAddress(address.name(), address.street(), address.city(), address.postalCode(),
                        address.country())));
    }

    @Override
    public void stalled(Order order) {
        outbox.send(Topics.ORDER_EVENTS, order.id(), new OrderStalled(UUID.randomUUID(), order.id()));
    }
}
