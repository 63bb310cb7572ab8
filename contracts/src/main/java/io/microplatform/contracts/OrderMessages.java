package io.microplatform.contracts;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Messages to and from order-service. */
public final class OrderMessages {

    private OrderMessages() {
    }

    /**
     * Published by order-service when an order is accepted; starts the order saga. Its contract is its ids only: the
     * orchestrator judges the content against {@link FieldLimits} itself and cancels an order it cannot run
     * (REJECTED) instead of dead-lettering it, because the order exists and must end.
     */
    public record OrderPlaced(UUID messageId, UUID orderId, String customerId, List<OrderLine> lines,
            BigDecimal shippingCost, BigDecimal total, ShippingAddress shippingAddress) implements Message {
    }

    /**
     * Published by order-service when an order stayed PENDING past its reconciliation limit (order.reconciliation.*).
     * The orchestrator decides: an order with a saga goes on as it is; an order without one (its OrderPlaced could not
     * be published or processed) gets a saga that only cancels it, so every accepted order ends.
     */
    public record OrderStalled(UUID messageId, UUID orderId) implements Message {
    }

    public record ConfirmOrder(UUID messageId, UUID orderId) implements Command {
    }

    /** reason is one of {@link #REASONS}; REJECTED: an OrderPlaced that can never be a saga. */
    public record CancelOrder(UUID messageId, UUID orderId, String reason) implements Command {

        public static final List<String> REASONS = List.of("OUT_OF_STOCK", "PAYMENT_DECLINED", "SHIPPING_FAILED",
                "TIMED_OUT", "REJECTED");

        @Override
        public List<String> violations() {
            return Violations.ofIds(this)
                    .require(reason != null && REASONS.contains(reason), "reason is not one of " + REASONS)
                    .list();
        }
    }

    public record OrderConfirmed(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }

    public record OrderCancelled(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }
}
