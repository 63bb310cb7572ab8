package io.microplatform.order.domain;

import java.util.UUID;

/** A client's Idempotency-Key, bound to the request it first came with and the order that request placed. */
public record IdempotencyKey(String key, String requestFingerprint, UUID orderId) {
}
