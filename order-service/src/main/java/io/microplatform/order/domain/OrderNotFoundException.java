package io.microplatform.order.domain;

public class OrderNotFoundException extends RuntimeException {

    private final String orderId;

    public OrderNotFoundException(String orderId) {
        super("No order with id " + orderId);
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
