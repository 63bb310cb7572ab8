package io.microplatform.saga.definition;

import java.util.Optional;

/**
 * One row of a saga's step table. {@code invoke} is the forward command (empty for a step that happened before the
 * saga started, such as placing the order); {@code compensation} undoes it (empty where nothing must be undone);
 * {@code failureReason} is what a business refusal of the forward command means for the saga. A {@code retriable}
 * step is past the point of no return: its command is re-sent until it is answered and the saga never compensates
 * from there (Garcia-Molina's pivot and retriable steps).
 */
public record Step(String name, Optional<SagaCommand> invoke, Optional<SagaCommand> compensation,
        Optional<CancellationReason> failureReason, boolean retriable) {
}
