package io.microplatform.saga.api;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaState;

/** One line of a saga list; ageSeconds counts from the saga's start to now. */
record SagaSummary(UUID orderId, SagaState state, CancellationReason reason, String currentStep, Instant createdAt,
        long ageSeconds) {

    static SagaSummary of(Saga saga, Instant now) {
        return new SagaSummary(saga.orderId(), saga.state(), saga.reason().orElse(null), saga.currentStepName(),
                saga.createdAt(), Math.max(0, Duration.between(saga.createdAt(), now).toSeconds()));
    }
}
