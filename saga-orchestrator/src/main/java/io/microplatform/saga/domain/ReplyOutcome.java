package io.microplatform.saga.domain;

import java.util.Optional;

/** What a reply did to a saga: nothing (it did not answer the outstanding command), or moved it on. */
public sealed interface ReplyOutcome {

    /** A duplicate, late or misdirected reply; the saga is unchanged. */
    record Ignored(String why) implements ReplyOutcome {
    }

    /** The saga moved on; {@code next} is the command to send, empty when the saga ended. */
    record Accepted(Optional<OutgoingCommand> next) implements ReplyOutcome {
    }
}
