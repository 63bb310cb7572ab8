package io.microplatform.saga.domain;

import java.time.Duration;
import java.util.Objects;

import io.microplatform.saga.definition.Direction;

/**
 * How long a saga waits for a reply and how often it re-sends a command before it gives up on it.
 *
 * @param stepTimeout wait after the first send of a command
 * @param backoffMultiplier each re-send waits this much longer than the previous attempt
 * @param maxStepTimeout longest single wait, so the many re-sends of a compensation stay minutes apart, not hours
 * @param maxAttempts sends of a forward command (the first included) before the saga compensates with TIMED_OUT
 * @param maxCompensationAttempts sends of a compensation before the saga is parked as FAILED
 */
public record RetryPolicy(Duration stepTimeout, double backoffMultiplier, Duration maxStepTimeout, int maxAttempts,
        int maxCompensationAttempts) {

    public RetryPolicy {
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        Objects.requireNonNull(maxStepTimeout, "maxStepTimeout");
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException("stepTimeout must be positive: " + stepTimeout);
        }
        if (backoffMultiplier < 1.0) {
            throw new IllegalArgumentException("backoffMultiplier must be at least 1: " + backoffMultiplier);
        }
        if (maxAttempts < 1 || maxCompensationAttempts < 1) {
            throw new IllegalArgumentException("a command is sent at least once");
        }
    }

    /** The wait after send number {@code attempt} (1 for the first send). */
    public Duration timeoutOf(int attempt) {
        double millis = stepTimeout.toMillis() * Math.pow(backoffMultiplier, attempt - 1);
        return millis >= maxStepTimeout.toMillis() ? maxStepTimeout : Duration.ofMillis(Math.round(millis));
    }

    /**
     * How long a forward command goes unanswered before the saga gives it up (TIMED_OUT): the waits after each of its
     * {@code maxAttempts} sends. A step past the pivot is never given up; it is re-sent with these waits for ever.
     */
    public Duration giveUpAfter() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            total = total.plus(timeoutOf(attempt));
        }
        return total;
    }

    public int maxAttempts(Direction direction) {
        return direction == Direction.FORWARD ? maxAttempts : maxCompensationAttempts;
    }
}
