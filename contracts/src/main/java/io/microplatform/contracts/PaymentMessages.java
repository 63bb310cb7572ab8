package io.microplatform.contracts;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Messages to and from payment-service. */
public final class PaymentMessages {

    private PaymentMessages() {
    }

    public record ChargePayment(UUID messageId, UUID orderId, String customerId, BigDecimal amount) implements Command {

        @Override
        public List<String> violations() {
            return Violations.ofIds(this)
                    .identifier("customerId", customerId, FieldLimits.CUSTOMER_ID_MAX)
                    .amount("amount", amount)
                    .list();
        }
    }

    /** Undo the order's charge; a no-op when there is none (the charge may never have happened). */
    public record RefundPayment(UUID messageId, UUID orderId) implements Command {
    }

    public record PaymentCharged(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }

    /** Nothing was charged. */
    public record PaymentDeclined(UUID messageId, UUID orderId, UUID inReplyTo, String why) implements Reply.Refused {
    }

    public record PaymentRefunded(UUID messageId, UUID orderId, UUID inReplyTo) implements Reply.Applied {
    }
}
