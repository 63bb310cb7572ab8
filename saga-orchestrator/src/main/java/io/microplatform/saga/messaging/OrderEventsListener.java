package io.microplatform.saga.messaging;

import java.util.List;

import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.OrderMessages.OrderStalled;
import io.microplatform.contracts.Topics;
import io.microplatform.saga.SagaManagement;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every order the API accepted ends: OrderPlaced starts its saga, or, when it cannot become one, a saga that cancels
 * it (REJECTED); OrderStalled (order-service's reconciler: still PENDING after its limit) cancels an order that never
 * got a saga (TIMED_OUT). The order id as primary key makes whichever came first the only saga of the order.
 */
@Component
@KafkaListener(topics = Topics.ORDER_EVENTS)
class OrderEventsListener {

    private final SagaManagement sagas;

    OrderEventsListener(SagaManagement sagas) {
        this.sagas = sagas;
    }

    // SagaManagement's methods are the transaction: saga row and its first command in the outbox commit together
    @KafkaHandler
    public void on(OrderPlaced placed) {
        List<String> problems = OrderPlacedCheck.problemsOf(placed);
        if (problems.isEmpty()) {
            sagas.start(placed.orderId(), CommandMessages.toOrderDetails(placed));
        } else {
            // retrying cannot fix the message, and dead-lettering it would leave its order PENDING for good
            sagas.reject(placed.orderId(), problems);
        }
    }

    @KafkaHandler
    public void on(OrderStalled stalled) {
        sagas.stalled(stalled.orderId());
    }

    /** Other events on the topic are not the orchestrator's business. */
    @KafkaHandler(isDefault = true)
    public void ignore(Message other) {
    }
}
