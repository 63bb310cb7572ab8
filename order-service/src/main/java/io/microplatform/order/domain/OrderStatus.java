package io.microplatform.order.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * PENDING while the order saga runs; it ends CONFIRMED or CANCELLED (the saga's ConfirmOrder or CancelOrder). The
 * legal moves are listed once, in {@link Transition}, the way resilience4j lists a circuit breaker's.
 */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    CANCELLED;

    /** Every legal change of status; any other is a bug and throws. */
    public enum Transition {
        PENDING_TO_CONFIRMED(PENDING, CONFIRMED),
        PENDING_TO_CANCELLED(PENDING, CANCELLED);

        private final OrderStatus from;
        private final OrderStatus to;

        Transition(OrderStatus from, OrderStatus to) {
            this.from = from;
            this.to = to;
        }

        /** @throws IllegalStatusTransitionException when the table has no such move */
        public static Transition between(OrderStatus from, OrderStatus to) {
            return find(from, to).orElseThrow(() -> new IllegalStatusTransitionException(from, to));
        }

        public static boolean isLegal(OrderStatus from, OrderStatus to) {
            return find(from, to).isPresent();
        }

        private static Optional<Transition> find(OrderStatus from, OrderStatus to) {
            return Arrays.stream(values()).filter(t -> t.from == from && t.to == to).findFirst();
        }

        public OrderStatus from() {
            return from;
        }

        public OrderStatus to() {
            return to;
        }
    }
}
