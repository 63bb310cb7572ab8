package io.microplatform.saga.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.SagaCommand;

/**
 * A command the saga wants sent, with everything needed to write it. A re-send carries the same {@code commandId}, so
 * the participant recognises it and answers again instead of applying it twice.
 *
 * @param order empty for a saga that only cancels an order it never knew (it sends CancelOrder only)
 * @param reason set once the saga compensates; CancelOrder carries it to the order
 */
public record OutgoingCommand(UUID commandId, SagaCommand command, UUID orderId, Optional<OrderDetails> order,
        Optional<CancellationReason> reason) {

    public OutgoingCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(reason, "reason");
    }
}
