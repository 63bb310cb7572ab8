package io.microplatform.messaging;

import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.util.Locale;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * Why a record went to its dead-letter topic: the {@code reason} tag of {@code messaging.dead.letters} and the
 * {@link MessagingHeaders#DEAD_LETTER_REASON} header. The first three are found while the record is read and never
 * retried (no retry changes the bytes); only {@link #FAILED} comes after the bounded retries.
 */
enum DeadLetterReason {

    /** Not JSON, or not the shape of the type it names (a string where a number belongs, a line that is no object). */
    MALFORMED,
    /** JSON without a {@code "type"}, or with one no message type of the contracts has. */
    UNKNOWN_TYPE,
    /** A known type whose content breaks its contract: an id missing, a field outside FieldLimits. */
    INVALID,
    /** Read fine, but its handler kept failing (a bug, a record the code cannot handle) through the retries. */
    FAILED;

    /** As a metric tag and header value: {@code malformed}, {@code unknown-type}, {@code invalid}, {@code failed}. */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static DeadLetterReason of(Throwable failure) {
        Throwable unreadable = causeOfType(failure, DeserializationException.class);
        if (unreadable == null) {
            return FAILED;
        }
        if (causeOfType(unreadable, InvalidMessageException.class) != null) {
            return INVALID;
        }
        return causeOfType(unreadable, InvalidTypeIdException.class) != null ? UNKNOWN_TYPE : MALFORMED;
    }

    private static Throwable causeOfType(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }
}
