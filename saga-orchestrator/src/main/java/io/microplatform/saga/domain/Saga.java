package io.microplatform.saga.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.definition.OrderSaga;
import io.microplatform.saga.definition.Position;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.definition.SagaDefinition;
import io.microplatform.saga.definition.Transition;

/**
 * One order's saga: where it stands in {@link OrderSaga#DEFINITION}, the one command it waits for, until when, and
 * the history of every command it sent. The order id is its identity, so an order can never start two sagas.
 * <p>
 * A saga started from OrderPlaced keeps the order's details, to build every command. A saga that only cancels an
 * order (order-service reported it stalled without a saga, or its OrderPlaced could not become one) has none: it
 * starts compensating at the place-order step and sends nothing but CancelOrder.
 * <p>
 * Every change goes through a method that takes the current time and returns what to send; the caller stores the
 * saga and hands that command to the outbox in one transaction. The version column makes two writers of the same saga
 * (a reply and the deadline sweeper) exclude each other: the second one's commit fails and it tries again.
 */
@Entity
@Table(name = "sagas")
public class Saga {

    private static final SagaDefinition DEFINITION = OrderSaga.DEFINITION;

    @Id
    private UUID orderId;

    @NotNull
    @Enumerated(EnumType.STRING)
    private SagaState state;

    /** Why the saga compensates; null while it walks forward. */
    @Enumerated(EnumType.STRING)
    private CancellationReason reason;

    @PositiveOrZero
    private int currentStep;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Direction direction;

    // the command awaited; null once the saga ended
    private UUID outstandingCommandId;

    @Enumerated(EnumType.STRING)
    private SagaCommand outstandingCommand;

    /** Sends of the outstanding command so far, the first included. */
    @PositiveOrZero
    private int attempts;

    /** When the outstanding command is due to be re-sent or given up; null once the saga ended. */
    private Instant deadline;

    // the order's details: all set, or all null for a saga that only cancels (the migration's CHECKs say so too)
    private String customerId;

    private BigDecimal total;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "ship_to_name"))
    @AttributeOverride(name = "street", column = @Column(name = "ship_to_street"))
    @AttributeOverride(name = "city", column = @Column(name = "ship_to_city"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "ship_to_postal_code"))
    @AttributeOverride(name = "country", column = @Column(name = "ship_to_country"))
    private DeliveryAddress shippingAddress;

    // loaded when a command needs them (ReserveStock); never changed after the start
    @ElementCollection
    @CollectionTable(name = "saga_order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderedItem> items = new ArrayList<>();

    // the history only grows; the foreign key is written with each insert, never updated afterwards. A set, so
    // that loading it together with the items (SagaRepository.withHistoryOfOrder) cannot repeat a step
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    @OrderBy("seq")
    private Set<SagaStep> steps = new LinkedHashSet<>();

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

    /** A running saga that sends the definition's first command; {@link #outstandingCommand()} is what to send. */
    public static Saga start(UUID orderId, OrderDetails order, RetryPolicy policy, Instant now) {
        Saga saga = new Saga();
        saga.orderId = Objects.requireNonNull(orderId, "orderId");
        saga.customerId = order.customerId();
        saga.items = new ArrayList<>(order.items());
        saga.total = order.total();
        saga.shippingAddress = order.shippingAddress();
        saga.state = SagaState.RUNNING;
        saga.createdAt = now;
        saga.updatedAt = now;
        Transition first = DEFINITION.start();
        if (!(first instanceof Transition.Send send)) {
            throw new IllegalStateException("the saga definition sends nothing at the start: " + first);
        }
        saga.apply(send, policy, now);
        return saga;
    }

    /**
     * A saga for an order that never got one and is to be cancelled with {@code reason}: it knows no order details
     * and starts compensating where the definition says the steps before the saga are undone (CancelOrder).
     */
    public static Saga cancelOnly(UUID orderId, CancellationReason reason, RetryPolicy policy, Instant now) {
        Saga saga = new Saga();
        saga.orderId = Objects.requireNonNull(orderId, "orderId");
        saga.state = SagaState.COMPENSATING;
        saga.createdAt = now;
        saga.updatedAt = now;
        Transition first = DEFINITION.compensateBeforeStart(reason);
        if (!(first instanceof Transition.Send send)) {
            throw new IllegalStateException("the saga definition undoes nothing before the saga starts: " + first);
        }
        saga.apply(send, policy, now);
        return saga;
    }

    /**
     * A participant answered. Only a reply to the outstanding command moves the saga; any other (a duplicate, a late
     * answer to a re-sent command, a reply for another step) leaves it unchanged and is reported as ignored.
     */
    public ReplyOutcome replied(ReceivedReply reply, RetryPolicy policy, Instant now) {
        if (state.isFinal()) {
            return new ReplyOutcome.Ignored("the saga already ended " + state);
        }
        if (!reply.inReplyTo().equals(outstandingCommandId)) {
            return new ReplyOutcome.Ignored("it answers command " + reply.inReplyTo() + ", but the saga awaits "
                    + outstandingCommand + " " + outstandingCommandId);
        }
        if (reply.answers() != outstandingCommand) {
            return new ReplyOutcome.Ignored("a " + reply.type() + " cannot answer " + outstandingCommand);
        }
        currentHistoryStep().replied(reply.type(), reply.succeeded(), now);
        Transition next = reply.succeeded() ? DEFINITION.succeeded(position()) : DEFINITION.failed(position());
        return new ReplyOutcome.Accepted(apply(next, policy, now));
    }

    /**
     * The deadline sweeper's turn: when the deadline passed, the definition decides. The outstanding command is
     * re-sent with the same id while the policy allows, and for ever at a retriable step (past the pivot the saga only
     * rolls forward); otherwise it is given up: a forward step is compensated with TIMED_OUT (itself included, since
     * its outcome is unknown), a compensation parks the saga as FAILED.
     */
    public DeadlineOutcome deadlinePassed(RetryPolicy policy, Instant now) {
        if (!isDue(now)) {
            return new DeadlineOutcome.NotDue();
        }
        OutgoingCommand awaited = outstandingCommand().orElseThrow();
        Transition next = DEFINITION.unanswered(position(), attempts < policy.maxAttempts(direction));
        if (next instanceof Transition.Resend) {
            attempts++;
            deadline = now.plus(policy.timeoutOf(attempts));
            updatedAt = now;
            currentHistoryStep().resent();
            return new DeadlineOutcome.Resent(awaited, attempts, attempts > policy.maxAttempts(direction));
        }
        currentHistoryStep().timedOut();
        return new DeadlineOutcome.GaveUp(awaited, apply(next, policy, now));
    }

    /** Past the pivot: the outstanding command is re-sent until answered, whatever the retry policy's bound. */
    public boolean rollsForward() {
        return !state.isFinal() && direction == Direction.FORWARD && DEFINITION.step(position()).retriable();
    }

    private boolean isDue(Instant now) {
        return deadline != null && !now.isBefore(deadline);
    }

    /** The command awaited, as it was (or is again) sent; empty once the saga ended. */
    public Optional<OutgoingCommand> outstandingCommand() {
        if (outstandingCommandId == null) {
            return Optional.empty();
        }
        return Optional.of(new OutgoingCommand(outstandingCommandId, outstandingCommand, orderId, order(),
                Optional.ofNullable(reason)));
    }

    private Optional<OutgoingCommand> apply(Transition transition, RetryPolicy policy, Instant now) {
        updatedAt = now;
        if (transition instanceof Transition.Send send) {
            send.reason().ifPresent(newReason -> reason = newReason);
            changeState(send.position().direction() == Direction.FORWARD ? SagaState.RUNNING : SagaState.COMPENSATING);
            currentStep = send.position().step();
            direction = send.position().direction();
            outstandingCommandId = UUID.randomUUID();
            outstandingCommand = send.command();
            attempts = 1;
            deadline = now.plus(policy.timeoutOf(1));
            steps.add(SagaStep.sent(steps.size(), currentStepName(), send.command(), outstandingCommandId, direction,
                    now));
            return outstandingCommand();
        }
        if (transition instanceof Transition.Resend) {
            throw new IllegalStateException("only a deadline re-sends; " + transition + " cannot follow a reply");
        }
        if (transition instanceof Transition.Confirm) {
            end(SagaState.CONFIRMED);
        } else if (transition instanceof Transition.Cancel) {
            end(SagaState.CANCELLED);
        } else if (transition instanceof Transition.Park) {
            end(SagaState.FAILED);
        } else {
            throw new IllegalStateException("unknown transition " + transition);
        }
        return Optional.empty();
    }

    private void end(SagaState finalState) {
        changeState(finalState);
        outstandingCommandId = null;
        outstandingCommand = null;
        attempts = 0;
        deadline = null;
    }

    private void changeState(SagaState target) {
        if (target != state) {
            state = state.moveTo(target);
        }
    }

    private SagaStep currentHistoryStep() {
        return steps.stream()
                .filter(step -> step.commandId().equals(outstandingCommandId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("saga " + orderId + " has no history of its outstanding "
                        + "command " + outstandingCommandId));
    }

    public UUID orderId() {
        return orderId;
    }

    public SagaState state() {
        return state;
    }

    public Optional<CancellationReason> reason() {
        return Optional.ofNullable(reason);
    }

    /** The step whose command is outstanding (or was last sent) and which way the saga walks. */
    public Position position() {
        return new Position(currentStep, direction);
    }

    /** The name of {@link #position()}'s step in the definition, for example charge-payment. */
    public String currentStepName() {
        return DEFINITION.step(position()).name();
    }

    /** Sends of the outstanding command so far; 0 once the saga ended. */
    public int attempts() {
        return attempts;
    }

    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** What the saga knows of its order; empty for a saga that only cancels. */
    public Optional<OrderDetails> order() {
        return customerId == null
                ? Optional.empty()
                : Optional.of(new OrderDetails(customerId, items, total, shippingAddress));
    }

    /** Every command sent, in order, compensations included. */
    public List<SagaStep> steps() {
        return steps.stream().sorted(Comparator.comparingInt(SagaStep::seq)).toList();
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
