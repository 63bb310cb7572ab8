package io.microplatform.order.domain;

import io.microplatform.support.domain.RejectedValueException;

public class OrderNotFoundException extends RejectedValueException {

    public OrderNotFoundException(String orderId) {
        super("No order with id " + orderId, orderId);
    }

    public String orderId() {
        return value();
    }
}
