package io.microplatform.saga.lease;

/** Proof of leadership at the time it was taken: lease {@code lease} held with token {@code value}. */
public record FencingToken(String lease, long value) {
}
