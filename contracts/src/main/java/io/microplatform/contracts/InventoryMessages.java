package io.microplatform.contracts;

import java.util.List;
import java.util.UUID;

/** Messages to and from inventory-service. */
public final class InventoryMessages {

    private InventoryMessages() {
    }

    /** Reserve every line or nothing. */
    public record ReserveStock(UUID messageId, UUID orderId, List<OrderLine> lines) implements Command {

        @Override
        public List<String> violations() {
            return Violations.ofIds(this).lines(lines).list();
        }
    }

    /** Undo the order's reservation; a no-op when there is none (the reservation may never have happened). */
    public record ReleaseStock(UUID messageId, UUID orderId) implements Command {
    }

    public record StockReserved(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }

    /** Nothing was reserved; skus names the lines that lacked stock. */
    public record StockUnavailable(UUID messageId, UUID orderId, UUID inReplyTo, List<String> skus)
            implements Reply.Refused {
    }

    public record StockReleased(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }
}
