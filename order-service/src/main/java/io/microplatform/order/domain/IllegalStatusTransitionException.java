package io.microplatform.order.domain;

/** A status change that {@link OrderStatus.Transition} does not list: a bug in the caller, never a business outcome. */
public class IllegalStatusTransitionException extends IllegalStateException {

    IllegalStatusTransitionException(OrderStatus from, OrderStatus to) {
        super("An order cannot go from " + from + " to " + to);
    }
}
