package io.microplatform.messaging;

import io.microplatform.contracts.Message;
import java.util.List;

/**
 * A message that reads as its type but breaks that type's contract ({@link Message#violations()}). Thrown while the
 * record is read, so no handler ever sees it and the record goes to the dead-letter topic without retries.
 */
final class InvalidMessageException extends RuntimeException {

    InvalidMessageException(Message message, List<String> violations) {
        // field names and limits only, never values: this message goes to the log and the dead-letter headers
        super(message.getClass().getSimpleName() + " breaks its contract: " + String.join("; ", violations));
    }
}
