package io.microplatform.order.domain;

/** What the rest of the platform learns about orders; called inside the transaction that made the change. */
public interface OrderEvents {

    /** The order was placed, or is announced again by the reconciler: the same content, a new message id. */
    void placed(Order order);

    /** The order stayed PENDING past its reconciliation limit: the orchestrator ends it unless it has a saga. */
    void stalled(Order order);
}
