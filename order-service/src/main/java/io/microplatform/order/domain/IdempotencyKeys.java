package io.microplatform.order.domain;

import java.time.Instant;
import java.util.Optional;

public interface IdempotencyKeys {

    /**
     * Stores the key in the caller's transaction, unless another request holds it. When a concurrent transaction
     * has just stored the same key, this waits for it to end: false once it committed, true (stored) if it rolled
     * back.
     *
     * @return true when the key is now this request's; false when an earlier request had it
     */
    boolean claim(IdempotencyKey key, Instant now);

    Optional<IdempotencyKey> find(String key);
}
