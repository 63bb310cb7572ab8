package io.microplatform.saga.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.definition.SagaCommand;

/**
 * One line of a saga's history: a command it sent (forward or compensation), how often, and what came back.
 * Part of the {@link Saga} aggregate and changed only through it.
 */
@Entity
@Table(name = "saga_steps")
public class SagaStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Position in the history, from 0. */
    private int seq;

    @NotNull
    private String name;

    @NotNull
    @Enumerated(EnumType.STRING)
    private SagaCommand command;

    @NotNull
    private UUID commandId;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Positive
    private int attempts;

    @NotNull
    private Instant sentAt;

    private String replyType;

    private Instant repliedAt;

    @NotNull
    @Enumerated(EnumType.STRING)
    private StepOutcome outcome;

    protected SagaStep() {
        // for JPA
    }

    static SagaStep sent(int seq, String name, SagaCommand command, UUID commandId, Direction direction, Instant now) {
        SagaStep step = new SagaStep();
        step.seq = seq;
        step.name = name;
        step.command = command;
        step.commandId = commandId;
        step.direction = direction;
        step.attempts = 1;
        step.sentAt = now;
        step.outcome = StepOutcome.PENDING;
        return step;
    }

    void resent() {
        attempts++;
    }

    void replied(String type, boolean succeeded, Instant now) {
        replyType = type;
        repliedAt = now;
        outcome = succeeded ? StepOutcome.SUCCEEDED : StepOutcome.FAILED;
    }

    void timedOut() {
        outcome = StepOutcome.TIMED_OUT;
    }

    public int seq() {
        return seq;
    }

    /** The step of the saga definition (reserve-stock, ...); a compensation has its forward step's name. */
    public String name() {
        return name;
    }

    public SagaCommand command() {
        return command;
    }

    /** The message id of the command, the same on every re-send. */
    public UUID commandId() {
        return commandId;
    }

    public Direction direction() {
        return direction;
    }

    /** How often the command was sent, the first send included. */
    public int attempts() {
        return attempts;
    }

    /** When it was first sent. */
    public Instant sentAt() {
        return sentAt;
    }

    /** The logical type id of the accepted reply; null while none came. */
    public String replyType() {
        return replyType;
    }

    public Instant repliedAt() {
        return repliedAt;
    }

    public StepOutcome outcome() {
        return outcome;
    }
}
