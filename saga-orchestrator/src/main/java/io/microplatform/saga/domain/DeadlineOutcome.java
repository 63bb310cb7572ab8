package io.microplatform.saga.domain;

import java.util.Optional;

/** What the deadline sweeper's turn did to a saga, as {@link ReplyOutcome} says it for a reply. */
public sealed interface DeadlineOutcome {

    /** The deadline had not passed (a reply got there first): the saga is unchanged. */
    record NotDue() implements DeadlineOutcome {
    }

    /**
     * The outstanding command is re-sent, with the same message id; {@code pastThePivot} when the retry policy's bound
     * is spent but the step is past the pivot, where the saga never compensates and re-sends until answered.
     */
    record Resent(OutgoingCommand command, int attempt, boolean pastThePivot) implements DeadlineOutcome {
    }

    /**
     * The outstanding command went unanswered through every attempt and is given up (its step TIMED_OUT); {@code next}
     * is the compensation to send, empty when the saga just ended (parked FAILED, or nothing left to undo).
     */
    record GaveUp(OutgoingCommand givenUp, Optional<OutgoingCommand> next) implements DeadlineOutcome {
    }
}
