package io.microplatform.saga.messaging;

import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.Topics;
import io.microplatform.saga.SagaManagement;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** OrderPlaced starts the order's saga; the order id as primary key makes a repeated OrderPlaced start nothing. */
@Component
@KafkaListener(topics = Topics.ORDER_EVENTS)
class OrderEventsListener {

    private final SagaManagement sagas;

    OrderEventsListener(SagaManagement sagas) {
        this.sagas = sagas;
    }

    // SagaManagement.start is the transaction: saga row and ReserveStock in the outbox commit together
    @KafkaHandler
    public void on(OrderPlaced placed) {
        sagas.start(placed.orderId(), CommandMessages.toOrderDetails(placed));
    }

    /** Other events on the topic are not the orchestrator's business. */
    @KafkaHandler(isDefault = true)
    public void ignore(Message other) {
    }
}
