package io.microplatform.order.domain;

/** What the rest of the platform learns about orders; called inside the transaction that made the change. */
public interface OrderEvents {

    void placed(Order order);
}
