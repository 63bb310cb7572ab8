package io.microplatform.saga.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.definition.Position;

/** One order's saga instance; the order id is its identity, so an order can never start two sagas. */
@Entity
@Table(name = "sagas")
public class Saga {

    @Id
    private UUID orderId;

    @NotNull
    @Enumerated(EnumType.STRING)
    private SagaState state;

    @PositiveOrZero
    private int currentStep;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Direction direction;

    // a wrapper type, so Spring Data sees a new saga by its null version despite the assigned id
    @Version
    private Long version;

    @NotNull
    private Instant createdAt;

    @NotNull
    private Instant updatedAt;

    protected Saga() {
        // for JPA
    }

    /** A running saga at {@code position}, the first step its definition sends a command for. */
    public static Saga start(UUID orderId, Position position, Instant now) {
        Saga saga = new Saga();
        saga.orderId = Objects.requireNonNull(orderId);
        saga.state = SagaState.RUNNING;
        saga.currentStep = position.step();
        saga.direction = position.direction();
        saga.createdAt = now;
        saga.updatedAt = now;
        return saga;
    }

    public UUID orderId() {
        return orderId;
    }

    public SagaState state() {
        return state;
    }

    /** The step whose command is outstanding and which way the saga walks (columns current_step and direction). */
    public Position position() {
        return new Position(currentStep, direction);
    }

    /** Null until the saga is first stored. */
    public Long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
