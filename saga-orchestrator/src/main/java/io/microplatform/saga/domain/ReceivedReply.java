package io.microplatform.saga.domain;

import java.util.Objects;
import java.util.UUID;

import io.microplatform.saga.definition.SagaCommand;

/**
 * A participant's reply as the saga sees it.
 *
 * @param inReplyTo the id of the command it answers
 * @param answers the kind of command a reply of this type answers (StockReserved answers RESERVE_STOCK)
 * @param succeeded true when the participant applied the command, false for a business refusal
 * @param type the reply's logical type id, kept in the step history (for example inventory.StockReserved)
 */
public record ReceivedReply(UUID orderId, UUID inReplyTo, SagaCommand answers, boolean succeeded, String type) {

    public ReceivedReply {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(type, "type");
    }
}
