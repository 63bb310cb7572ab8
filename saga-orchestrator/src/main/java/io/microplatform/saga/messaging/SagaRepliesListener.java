package io.microplatform.saga.messaging;

import io.microplatform.contracts.Message;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import io.microplatform.saga.SagaManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every participant's replies, keyed by order id: all replies of one saga arrive on one partition, so within a
 * consumer group one instance at a time handles them, in order.
 */
@Component
@KafkaListener(topics = Topics.SAGA_REPLIES)
class SagaRepliesListener {

    private static final Logger log = LoggerFactory.getLogger(SagaRepliesListener.class);

    private final SagaManagement sagas;

    SagaRepliesListener(SagaManagement sagas) {
        this.sagas = sagas;
    }

    /**
     * Every reply type: the saga change and the next command commit together (SagaManagement's transaction). A
     * redelivered reply, like a second reply to the same command (a participant answering a re-send), no longer
     * answers the saga's outstanding command and is ignored there. A version conflict throws: the container
     * redelivers the record and it is handled against the saga as it now is.
     */
    @KafkaHandler
    public void on(Reply reply) {
        sagas.onReply(CommandMessages.toReceived(reply));
    }

    /** Only replies belong on this topic; anything else is logged and skipped rather than retried into the DLT. */
    @KafkaHandler(isDefault = true)
    public void ignore(Message other) {
        log.warn("Ignoring {} {} on {}: not a reply", CommandMessages.typeOf(other), other.messageId(),
                Topics.SAGA_REPLIES);
    }
}
