package io.microplatform.saga.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.saga.domain.SagaStep;
import io.microplatform.saga.domain.StepOutcome;

/** A saga and the history of every command it sent, compensations included; reason is null unless it compensated. */
record SagaResponse(UUID orderId, SagaState state, CancellationReason reason, String currentStep, Direction direction,
        Instant createdAt, Instant updatedAt, List<Step> steps) {

    static SagaResponse of(Saga saga) {
        return new SagaResponse(saga.orderId(), saga.state(), saga.reason().orElse(null), saga.currentStepName(),
                saga.position().direction(), saga.createdAt(), saga.updatedAt(),
                saga.steps().stream().map(Step::of).toList());
    }

    /**
     * One command sent: command is the saga's name for it, reply the logical type id of the accepted reply (null
     * while none came), attempts counts the sends of the same message id.
     */
    record Step(String name, SagaCommand command, UUID commandId, Direction direction, int attempts, Instant sentAt,
            String reply, Instant repliedAt, StepOutcome outcome) {

        static Step of(SagaStep step) {
            return new Step(step.name(), step.command(), step.commandId(), step.direction(), step.attempts(),
                    step.sentAt(), step.replyType(), step.repliedAt(), step.outcome());
        }
    }
}
