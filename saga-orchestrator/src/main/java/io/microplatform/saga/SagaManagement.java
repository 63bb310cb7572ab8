package io.microplatform.saga;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.domain.CommandSender;
import io.microplatform.saga.domain.DeadlineOutcome;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OutgoingCommand;
import io.microplatform.saga.domain.ReceivedReply;
import io.microplatform.saga.domain.ReplyOutcome;
import io.microplatform.saga.domain.RetryPolicy;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaNotFoundException;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.saga.lease.FencingToken;
import io.microplatform.saga.lease.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The orchestrator's use cases, each one transaction: the saga change and the command it decides (into the outbox)
 * commit together or not at all. Natural keys make them idempotent: the order id is the saga's (a repeated
 * OrderPlaced starts nothing), and a reply moves the saga only if it answers the outstanding command's id (a
 * redelivered reply, or a second answer to a re-sent command, no longer does and is ignored and counted). Two writers
 * of one saga (a reply and the deadline sweeper, possibly on different instances) are kept apart by the saga's version
 * column: the later commit fails with an optimistic locking error and its caller retries (the Kafka consumer
 * redelivers the reply; the sweeper looks again on its next round).
 */
@Service
public class SagaManagement {

    private static final Logger log = LoggerFactory.getLogger(SagaManagement.class);

    private final SagaRepository sagas;
    private final CommandSender commands;
    private final Leases leases;
    private final SagaMetrics metrics;
    private final RetryPolicy policy;
    private final Clock clock;

    SagaManagement(SagaRepository sagas, CommandSender commands, Leases leases, SagaMetrics metrics, RetryPolicy policy,
            Clock clock) {
        this.sagas = sagas;
        this.commands = commands;
        this.leases = leases;
        this.metrics = metrics;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Starts the order's saga and sends its first command.
     *
     * @return false when the order already has a saga (a repeated OrderPlaced starts nothing)
     */
    @Transactional
    public boolean start(UUID orderId, OrderDetails order) {
        // the order id is the saga's primary key: should two deliveries race past this check, the second insert
        // fails on the key and its redelivery finds the saga
        if (sagas.hasSaga(orderId)) {
            log.info("Order {} already has a saga: the repeated OrderPlaced starts nothing", orderId);
            return false;
        }
        Saga saga = sagas.add(Saga.start(orderId, order, policy, now()));
        OutgoingCommand first = saga.outstandingCommand().orElseThrow();
        commands.send(first);
        metrics.started();
        log.info("Started saga {}: sent {} {}", orderId, first.command(), first.commandId());
        return true;
    }

    /**
     * An OrderPlaced that can never become a saga (it breaks the contracts' field limits): instead of failing on every
     * delivery and leaving its order PENDING for good, a saga that only cancels the order with REJECTED.
     *
     * @return false when the order already has a saga
     */
    @Transactional
    public boolean reject(UUID orderId, List<String> problems) {
        if (sagas.hasSaga(orderId)) {
            log.warn("Order {} already has a saga: ignoring a repeated OrderPlaced that breaks the field limits ({})",
                    orderId, String.join("; ", problems));
            return false;
        }
        OutgoingCommand cancel = startCancelOnly(orderId, CancellationReason.REJECTED);
        log.warn("Order {} cannot become a saga ({}): sent {} {} with reason REJECTED", orderId,
                String.join("; ", problems), cancel.command(), cancel.commandId());
        return true;
    }

    /**
     * order-service reports the order still PENDING past its reconciliation limit. With a saga, that saga goes on as
     * it is (its deadlines drive it). Without one (its OrderPlaced was lost, parked or never processed) a saga that
     * only cancels the order with TIMED_OUT; a late OrderPlaced then finds it and starts nothing.
     *
     * @return false when the order already has a saga
     */
    @Transactional
    public boolean stalled(UUID orderId) {
        Optional<Saga> existing = sagas.ofOrder(orderId);
        if (existing.isPresent()) {
            log.info("Order {} reported stalled already has a saga ({} at {}): it goes on as it is", orderId,
                    existing.get().state(), existing.get().currentStepName());
            metrics.stalledIgnored();
            return false;
        }
        OutgoingCommand cancel = startCancelOnly(orderId, CancellationReason.TIMED_OUT);
        log.warn("Order {} reported stalled has no saga: sent {} {} with reason TIMED_OUT", orderId, cancel.command(),
                cancel.commandId());
        return true;
    }

    private OutgoingCommand startCancelOnly(UUID orderId, CancellationReason reason) {
        Saga saga = sagas.add(Saga.cancelOnly(orderId, reason, policy, now()));
        OutgoingCommand cancel = saga.outstandingCommand().orElseThrow();
        commands.send(cancel);
        metrics.cancelOnlyStarted(reason);
        compensationSent(saga);
        return cancel;
    }

    /** A participant's reply: advances the saga when it answers the outstanding command, else is ignored and counted. */
    @Transactional
    public void onReply(ReceivedReply reply) {
        // the history in the same query: the reply touches the current step, otherwise a lazy load of its own
        Optional<Saga> found = sagas.withStepsOfOrder(reply.orderId());
        if (found.isEmpty()) {
            log.warn("Ignoring {} in reply to {}: order {} has no saga", reply.type(), reply.inReplyTo(), reply.orderId());
            metrics.replyIgnored(reply.type());
            return;
        }
        Saga saga = found.get();
        SagaState before = saga.state();
        ReplyOutcome outcome = saga.replied(reply, policy, now());
        if (outcome instanceof ReplyOutcome.Ignored ignored) {
            log.info("Ignoring {} for saga {}: {}", reply.type(), reply.orderId(), ignored.why());
            metrics.replyIgnored(reply.type());
            return;
        }
        Optional<OutgoingCommand> next = ((ReplyOutcome.Accepted) outcome).next();
        next.ifPresent(commands::send);
        stepEnded(saga, reply.inReplyTo());
        next.ifPresent(command -> compensationSent(saga));
        log.info("Saga {} got {}: {}", saga.orderId(), reply.type(),
                next.map(command -> "sent " + command.command() + " " + command.commandId()).orElse("now " + saga.state()));
        ended(saga, before);
    }

    /**
     * The deadline sweeper's write for one saga: re-send, give up and compensate, or park. Refused (nothing is
     * written) when {@code token} is no longer the sweeper lease's token; the check holds a share lock on the lease to
     * the end of this transaction, so a takeover waits for this write to commit.
     *
     * @throws io.microplatform.saga.lease.StaleLeaseException when another instance took the lease over
     */
    @Transactional
    public void onDeadline(UUID orderId, FencingToken token, Instant now) {
        leases.verify(token);
        Optional<Saga> found = sagas.withStepsOfOrder(orderId);
        if (found.isEmpty()) {
            return;
        }
        Saga saga = found.get();
        SagaState before = saga.state();
        DeadlineOutcome outcome = saga.deadlinePassed(policy, now);
        // NotDue needs nothing: a reply moved the saga on since the sweeper looked
        if (outcome instanceof DeadlineOutcome.Resent resent) {
            resent(orderId, resent);
        } else if (outcome instanceof DeadlineOutcome.GaveUp gaveUp) {
            gaveUp(saga, gaveUp);
        }
        ended(saga, before);
    }

    private void resent(UUID orderId, DeadlineOutcome.Resent resent) {
        OutgoingCommand command = resent.command();
        commands.send(command);
        if (resent.pastThePivot()) {
            log.warn("No reply to {} {} of saga {}: re-sent it (attempt {}); past the pivot the saga never "
                    + "compensates, it re-sends until {} answers", command.command(), command.commandId(), orderId,
                    resent.attempt(), command.command().participant());
        } else {
            log.info("No reply to {} {} of saga {}: re-sent it (attempt {})", command.command(), command.commandId(),
                    orderId, resent.attempt());
        }
    }

    private void gaveUp(Saga saga, DeadlineOutcome.GaveUp gaveUp) {
        gaveUp.next().ifPresent(commands::send);
        log.warn("No reply to {} of saga {} after every attempt: gave up; {}", gaveUp.givenUp().command(),
                saga.orderId(), gaveUp.next().map(command -> "sent " + command.command() + " with reason "
                        + saga.reason().orElse(null)).orElse("now " + saga.state()));
        stepEnded(saga, gaveUp.givenUp().commandId());
        gaveUp.next().ifPresent(command -> compensationSent(saga));
    }

    @Transactional(readOnly = true)
    public Saga get(UUID orderId) {
        return sagas.withHistoryOfOrder(orderId).orElseThrow(() -> new SagaNotFoundException(orderId));
    }

    /** The 100 oldest sagas in {@code state}, or the 100 newest of all. */
    @Transactional(readOnly = true)
    public List<Saga> list(Optional<SagaState> state) {
        return state.map(sagas::oldest100In).orElseGet(sagas::newest100);
    }

    private void ended(Saga saga, SagaState before) {
        if (saga.state() == before || !saga.state().isFinal()) {
            return;
        }
        metrics.ended(saga);
        if (saga.state() == SagaState.FAILED) {
            log.error("Saga {} FAILED while compensating (reason {}) at step {}: a compensation was refused or never "
                    + "answered. The order stays unfinished until someone resolves it", saga.orderId(),
                    saga.reason().orElse(null), saga.currentStepName());
        } else {
            log.info("Saga {} ended {}{}", saga.orderId(), saga.state(), saga.reason().map(reason -> " (" + reason + ")")
                    .orElse(""));
        }
    }

    /** The history line of {@code commandId} got its final outcome: time it. */
    private void stepEnded(Saga saga, UUID commandId) {
        saga.steps().stream()
                .filter(step -> step.commandId().equals(commandId))
                .findFirst()
                .ifPresent(step -> metrics.stepEnded(step, now()));
    }

    /** Called with a newly sent command only: a compensation is counted once, not per re-send. */
    private void compensationSent(Saga saga) {
        if (saga.position().direction() == Direction.BACKWARD) {
            metrics.compensationSent(saga.currentStepName());
        }
    }

    // the database's clock (SagaConfiguration), so every instance agrees on deadlines. PostgreSQL keeps
    // microseconds: truncate, so a saga reads back exactly as it was written
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
