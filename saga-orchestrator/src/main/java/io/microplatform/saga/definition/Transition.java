package io.microplatform.saga.definition;

import java.util.Optional;

/** What a saga does next, decided by a {@link SagaDefinition} from where it stands and what just happened. */
public sealed interface Transition {

    /** Send {@code command} and wait for its reply at {@code position}; {@code reason} is set once compensation starts. */
    record Send(Position position, SagaCommand command, Optional<CancellationReason> reason) implements Transition {
    }

    /** Send the outstanding command again, with the same message id, and keep waiting for its reply. */
    record Resend() implements Transition {
    }

    /** Every step succeeded. */
    record Confirm() implements Transition {
    }

    /** Every step that applied was compensated and the order was cancelled. */
    record Cancel() implements Transition {
    }

    /** A compensation could not be completed: the saga is parked for a human, never retried silently for ever. */
    record Park() implements Transition {
    }
}
