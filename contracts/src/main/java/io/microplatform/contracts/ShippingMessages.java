package io.microplatform.contracts;

import java.util.List;
import java.util.UUID;

/** Messages to and from shipping-service. */
public final class ShippingMessages {

    private ShippingMessages() {
    }

    public record CreateShipment(UUID messageId, UUID orderId, ShippingAddress address) implements Command {

        @Override
        public List<String> violations() {
            return Violations.ofIds(this).address(address).list();
        }
    }

    /** Undo the order's shipment; a no-op when there is none (it may never have been created). */
    public record CancelShipment(UUID messageId, UUID orderId) implements Command {
    }

    public record ShipmentCreated(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }

    /** No shipment was created (for example an undeliverable postal code). */
    public record ShipmentFailed(UUID messageId, UUID orderId, UUID inReplyTo, String why) implements Reply.Refused {
    }

    public record ShipmentCancelled(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }
}
