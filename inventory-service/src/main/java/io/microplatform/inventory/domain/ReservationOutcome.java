package io.microplatform.inventory.domain;

import java.util.List;

/** The answer to "reserve this order's lines": a value, because running out of stock is business, not an error. */
public sealed interface ReservationOutcome {

    record Reserved() implements ReservationOutcome {
    }

    /** Nothing was reserved; skus (sorted) are the ones that could not be. */
    record Unavailable(List<String> skus) implements ReservationOutcome {

        public Unavailable {
            skus = List.copyOf(skus);
        }
    }
}
