package io.microplatform.saga.domain;

import static io.microplatform.saga.definition.SagaCommand.CANCEL_ORDER;
import static io.microplatform.saga.definition.SagaCommand.CHARGE_PAYMENT;
import static io.microplatform.saga.definition.SagaCommand.CONFIRM_ORDER;
import static io.microplatform.saga.definition.SagaCommand.CREATE_SHIPMENT;
import static io.microplatform.saga.definition.SagaCommand.REFUND_PAYMENT;
import static io.microplatform.saga.definition.SagaCommand.RELEASE_STOCK;
import static io.microplatform.saga.definition.SagaCommand.RESERVE_STOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.testsupport.StateMachines;
import org.junit.jupiter.api.Test;

/** The saga aggregate without infrastructure: given replies and the passing of time, expect commands and states. */
class SagaTest {

    private static final Instant T0 = Instant.parse("2025-11-26T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(2), 3, 4);
    private static final OrderDetails ORDER = new OrderDetails("alice",
            List.of(new OrderedItem("KEYBOARD-01", 2, new BigDecimal("49.90"))), new BigDecimal("104.79"),
            new DeliveryAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));

    private final UUID orderId = UUID.randomUUID();
    private final Saga saga = Saga.start(orderId, ORDER, POLICY, T0);

    @Test
    void startsRunningAndSendsReserveStockWithTheOrder() {
        OutgoingCommand sent = saga.outstandingCommand().orElseThrow();

        assertThat(sent.command()).isEqualTo(RESERVE_STOCK);
        assertThat(sent.orderId()).isEqualTo(orderId);
        assertThat(sent.order()).contains(ORDER);
        assertThat(sent.reason()).isEmpty();
        assertThat(saga.state()).isEqualTo(SagaState.RUNNING);
        assertThat(saga.currentStepName()).isEqualTo("reserve-stock");
        assertThat(saga.attempts()).isOne();
        assertThat(saga.deadline()).contains(T0.plusSeconds(10));
        assertThat(saga.steps()).singleElement().satisfies(step -> {
            assertThat(step.command()).isEqualTo(RESERVE_STOCK);
            assertThat(step.commandId()).isEqualTo(sent.commandId());
            assertThat(step.outcome()).isEqualTo(StepOutcome.PENDING);
            assertThat(step.sentAt()).isEqualTo(T0);
        });
    }

    @Test
    void walksForwardOnEveryMatchingReplyAndConfirms() {
        List<SagaCommand> sent = new Replies().succeed(4);

        assertThat(sent).containsExactly(CHARGE_PAYMENT, CREATE_SHIPMENT, CONFIRM_ORDER);
        assertThat(saga.state()).isEqualTo(SagaState.CONFIRMED);
        assertThat(saga.reason()).isEmpty();
        assertThat(saga.outstandingCommand()).isEmpty();
        assertThat(saga.deadline()).isEmpty();
        assertThat(saga.steps()).extracting(SagaStep::name, SagaStep::command, SagaStep::direction, SagaStep::outcome)
                .containsExactly(
                        tuple("reserve-stock", RESERVE_STOCK, Direction.FORWARD, StepOutcome.SUCCEEDED),
                        tuple("charge-payment", CHARGE_PAYMENT, Direction.FORWARD, StepOutcome.SUCCEEDED),
                        tuple("create-shipment", CREATE_SHIPMENT, Direction.FORWARD, StepOutcome.SUCCEEDED),
                        tuple("confirm-order", CONFIRM_ORDER, Direction.FORWARD, StepOutcome.SUCCEEDED));
        assertThat(saga.steps()).allSatisfy(step -> assertThat(step.replyType()).startsWith("test."));
    }

    @Test
    void declinedPaymentReleasesTheStockThenCancelsTheOrderWithItsReason() {
        Replies replies = new Replies();
        replies.succeed(1);

        OutgoingCommand release = replies.fail().orElseThrow();
        assertThat(release.command()).isEqualTo(RELEASE_STOCK);
        assertThat(saga.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(saga.reason()).contains(CancellationReason.PAYMENT_DECLINED);

        OutgoingCommand cancel = replies.succeedOnce().orElseThrow();
        assertThat(cancel.command()).isEqualTo(CANCEL_ORDER);
        assertThat(cancel.reason()).contains(CancellationReason.PAYMENT_DECLINED);

        assertThat(replies.succeedOnce()).isEmpty();
        assertThat(saga.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(saga.steps()).extracting(SagaStep::command, SagaStep::direction, SagaStep::outcome).containsExactly(
                tuple(RESERVE_STOCK, Direction.FORWARD, StepOutcome.SUCCEEDED),
                tuple(CHARGE_PAYMENT, Direction.FORWARD, StepOutcome.FAILED),
                tuple(RELEASE_STOCK, Direction.BACKWARD, StepOutcome.SUCCEEDED),
                tuple(CANCEL_ORDER, Direction.BACKWARD, StepOutcome.SUCCEEDED));
    }

    @Test
    void failedShipmentRefundsAndReleasesInReverseOrder() {
        Replies replies = new Replies();
        replies.succeed(2);
        replies.fail();

        assertThat(replies.succeed(3)).containsExactly(RELEASE_STOCK, CANCEL_ORDER);
        assertThat(saga.steps()).extracting(SagaStep::command).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT,
                CREATE_SHIPMENT, REFUND_PAYMENT, RELEASE_STOCK, CANCEL_ORDER);
        assertThat(saga.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(saga.reason()).contains(CancellationReason.SHIPPING_FAILED);
    }

    @Test
    void ignoresAReplyToAnyOtherCommandAndStaysWhereItIs() {
        UUID awaited = saga.outstandingCommand().orElseThrow().commandId();

        ReplyOutcome outcome = saga.replied(reply(UUID.randomUUID(), RESERVE_STOCK, true), POLICY, T0.plusSeconds(1));

        assertThat(outcome).isInstanceOf(ReplyOutcome.Ignored.class);
        assertThat(saga.outstandingCommand().orElseThrow().commandId()).isEqualTo(awaited);
        assertThat(saga.updatedAt()).isEqualTo(T0);
        assertThat(saga.steps()).singleElement().extracting(SagaStep::outcome).isEqualTo(StepOutcome.PENDING);
    }

    @Test
    void ignoresAReplyOfTheWrongKindEvenWithTheAwaitedId() {
        UUID awaited = saga.outstandingCommand().orElseThrow().commandId();

        ReplyOutcome outcome = saga.replied(reply(awaited, CHARGE_PAYMENT, true), POLICY, T0.plusSeconds(1));

        assertThat(outcome).isInstanceOf(ReplyOutcome.Ignored.class);
        assertThat(saga.currentStepName()).isEqualTo("reserve-stock");
    }

    @Test
    void ignoresTheSecondReplyToTheSameCommand() {
        UUID reserve = saga.outstandingCommand().orElseThrow().commandId();
        saga.replied(reply(reserve, RESERVE_STOCK, true), POLICY, T0.plusSeconds(1));

        // the participant answered a re-send of the same command id once more
        ReplyOutcome again = saga.replied(reply(reserve, RESERVE_STOCK, true), POLICY, T0.plusSeconds(2));

        assertThat(again).isInstanceOf(ReplyOutcome.Ignored.class);
        assertThat(saga.steps()).extracting(SagaStep::command).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT);
    }

    @Test
    void ignoresEveryReplyOnceEnded() {
        new Replies().succeed(4);

        assertThat(saga.replied(reply(UUID.randomUUID(), CONFIRM_ORDER, true), POLICY, T0.plusSeconds(9)))
                .isInstanceOf(ReplyOutcome.Ignored.class);
        assertThat(saga.state()).isEqualTo(SagaState.CONFIRMED);
    }

    @Test
    void doesNothingBeforeTheDeadline() {
        assertThat(saga.deadlinePassed(POLICY, T0.plusSeconds(9))).isInstanceOf(DeadlineOutcome.NotDue.class);
        assertThat(saga.attempts()).isOne();
    }

    @Test
    void resendsTheSameCommandIdWithGrowingDeadlinesWhenNoReplyComes() {
        UUID reserve = saga.outstandingCommand().orElseThrow().commandId();

        DeadlineOutcome second = saga.deadlinePassed(POLICY, T0.plusSeconds(10));
        assertThat(second).isInstanceOfSatisfying(DeadlineOutcome.Resent.class, resent -> {
            assertThat(resent.command().commandId()).isEqualTo(reserve);
            assertThat(resent.attempt()).isEqualTo(2);
            assertThat(resent.pastThePivot()).isFalse();
        });
        assertThat(saga.attempts()).isEqualTo(2);
        assertThat(saga.deadline()).contains(T0.plusSeconds(10 + 20));

        assertThat(sent(saga.deadlinePassed(POLICY, T0.plusSeconds(30)))).map(OutgoingCommand::commandId)
                .contains(reserve);
        assertThat(saga.deadline()).contains(T0.plusSeconds(30 + 40));
        assertThat(saga.steps()).singleElement().satisfies(step -> {
            assertThat(step.attempts()).isEqualTo(3);
            assertThat(step.sentAt()).isEqualTo(T0);
        });

        // the re-sent command is still the one to answer
        assertThat(saga.replied(reply(reserve, RESERVE_STOCK, true), POLICY, T0.plusSeconds(31)))
                .isInstanceOf(ReplyOutcome.Accepted.class);
    }

    @Test
    void silentForwardStepIsGivenUpAndCompensatedItselfWithTimedOut() {
        new Replies().succeed(1);
        UUID charge = saga.outstandingCommand().orElseThrow().commandId();
        saga.deadlinePassed(POLICY, T0.plusSeconds(100));
        saga.deadlinePassed(POLICY, T0.plusSeconds(200));

        DeadlineOutcome gaveUp = saga.deadlinePassed(POLICY, T0.plusSeconds(300));

        assertThat(gaveUp).isInstanceOf(DeadlineOutcome.GaveUp.class);
        assertThat(((DeadlineOutcome.GaveUp) gaveUp).givenUp().commandId()).isEqualTo(charge);
        OutgoingCommand refund = sent(gaveUp).orElseThrow();

        assertThat(refund.command()).isEqualTo(REFUND_PAYMENT);
        assertThat(refund.commandId()).isNotEqualTo(charge);
        assertThat(refund.reason()).contains(CancellationReason.TIMED_OUT);
        assertThat(saga.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(saga.attempts()).isOne();
        assertThat(saga.steps()).extracting(SagaStep::command, SagaStep::attempts, SagaStep::outcome).containsExactly(
                tuple(RESERVE_STOCK, 1, StepOutcome.SUCCEEDED),
                tuple(CHARGE_PAYMENT, 3, StepOutcome.TIMED_OUT),
                tuple(REFUND_PAYMENT, 1, StepOutcome.PENDING));
        // a late answer to the given-up charge changes nothing
        assertThat(saga.replied(reply(charge, CHARGE_PAYMENT, true), POLICY, T0.plusSeconds(301)))
                .isInstanceOf(ReplyOutcome.Ignored.class);
    }

    @Test
    void silentConfirmationIsResentWithCappedBackoffForEverAndNeverCompensated() {
        new Replies().succeed(3);
        OutgoingCommand confirm = saga.outstandingCommand().orElseThrow();
        assertThat(confirm.command()).isEqualTo(CONFIRM_ORDER);
        assertThat(saga.rollsForward()).isTrue();
        Instant now = T0.plusSeconds(3);
        List<Duration> waits = new ArrayList<>();
        // far more sends than POLICY.maxAttempts() (3): order-service may be paused for a long time
        for (int send = 2; send <= 12; send++) {
            Instant due = saga.deadline().orElseThrow();
            waits.add(Duration.between(now, due));
            now = due;
            assertThat(saga.deadlinePassed(POLICY, now)).isInstanceOfSatisfying(DeadlineOutcome.Resent.class, resent -> {
                assertThat(resent.command().commandId()).isEqualTo(confirm.commandId());
                assertThat(resent.pastThePivot()).isEqualTo(resent.attempt() > POLICY.maxAttempts());
            });
        }

        assertThat(waits).startsWith(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(80), Duration.ofMinutes(2)).endsWith(Duration.ofMinutes(2));
        assertThat(saga.state()).isEqualTo(SagaState.RUNNING);
        assertThat(saga.reason()).isEmpty();
        assertThat(saga.attempts()).isEqualTo(12);
        assertThat(saga.steps()).last().satisfies(step -> {
            assertThat(step.command()).isEqualTo(CONFIRM_ORDER);
            assertThat(step.attempts()).isEqualTo(12);
            assertThat(step.outcome()).isEqualTo(StepOutcome.PENDING);
        });
        assertThat(saga.steps()).extracting(SagaStep::direction).containsOnly(Direction.FORWARD);

        // order-service comes back and answers one of the sends
        saga.replied(reply(confirm.commandId(), CONFIRM_ORDER, true), POLICY, now.plusSeconds(1));
        assertThat(saga.state()).isEqualTo(SagaState.CONFIRMED);
        assertThat(saga.rollsForward()).isFalse();
    }

    @Test
    void earlierSilentStepsAreStillGivenUpAndCompensated() {
        new Replies().succeed(2);
        assertThat(saga.rollsForward()).isFalse();
        saga.deadlinePassed(POLICY, T0.plusSeconds(100));
        saga.deadlinePassed(POLICY, T0.plusSeconds(200));

        assertThat(sent(saga.deadlinePassed(POLICY, T0.plusSeconds(300)))).map(OutgoingCommand::command)
                .contains(SagaCommand.CANCEL_SHIPMENT);
        assertThat(saga.state()).isEqualTo(SagaState.COMPENSATING);
    }

    @Test
    void cancelOnlySagaKnowsNoOrderAndSendsNothingButCancelOrder() {
        UUID stalled = UUID.randomUUID();
        Saga cancelOnly = Saga.cancelOnly(stalled, CancellationReason.TIMED_OUT, POLICY, T0);

        OutgoingCommand cancel = cancelOnly.outstandingCommand().orElseThrow();
        assertThat(cancel.command()).isEqualTo(CANCEL_ORDER);
        assertThat(cancel.reason()).contains(CancellationReason.TIMED_OUT);
        assertThat(cancel.order()).isEmpty();
        assertThat(cancelOnly.order()).isEmpty();
        assertThat(cancelOnly.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(cancelOnly.currentStepName()).isEqualTo("place-order");
        assertThat(cancelOnly.deadline()).contains(T0.plusSeconds(10));

        assertThat(cancelOnly.replied(new ReceivedReply(stalled, cancel.commandId(), CANCEL_ORDER, true,
                "order.OrderCancelled"), POLICY, T0.plusSeconds(1))).isEqualTo(new ReplyOutcome.Accepted(Optional.empty()));
        assertThat(cancelOnly.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(cancelOnly.reason()).contains(CancellationReason.TIMED_OUT);
        assertThat(cancelOnly.steps()).extracting(SagaStep::name, SagaStep::command, SagaStep::direction,
                SagaStep::outcome).containsExactly(tuple("place-order", CANCEL_ORDER, Direction.BACKWARD,
                        StepOutcome.SUCCEEDED));
    }

    @Test
    void compensationThatIsNeverAnsweredParksTheSagaAsFailed() {
        Replies replies = new Replies();
        replies.fail();  // out of stock: straight to CancelOrder
        OutgoingCommand cancelOrder = saga.outstandingCommand().orElseThrow();
        Instant now = T0;
        for (int attempt = 1; attempt < POLICY.maxCompensationAttempts(); attempt++) {
            now = now.plus(Duration.ofMinutes(5));
            assertThat(sent(saga.deadlinePassed(POLICY, now))).map(OutgoingCommand::command).contains(CANCEL_ORDER);
        }

        assertThat(saga.deadlinePassed(POLICY, now.plus(Duration.ofMinutes(5))))
                .isEqualTo(new DeadlineOutcome.GaveUp(cancelOrder, Optional.empty()));

        assertThat(saga.state()).isEqualTo(SagaState.FAILED);
        assertThat(saga.reason()).contains(CancellationReason.OUT_OF_STOCK);
        assertThat(saga.deadline()).isEmpty();
        assertThat(saga.steps()).last().satisfies(step -> {
            assertThat(step.command()).isEqualTo(CANCEL_ORDER);
            assertThat(step.attempts()).isEqualTo(POLICY.maxCompensationAttempts());
            assertThat(step.outcome()).isEqualTo(StepOutcome.TIMED_OUT);
        });
    }

    @Test
    void refusedCompensationParksTheSagaAsFailed() {
        Replies replies = new Replies();
        replies.succeed(1);
        replies.fail();

        assertThat(replies.fail()).isEmpty();
        assertThat(saga.state()).isEqualTo(SagaState.FAILED);
    }

    @Test
    void stateTableAllowsOnlyTheSagasWalkAndEveryOtherTransitionThrows() {
        assertThat(StateMachines.legalTransitions(SagaState.class, SagaState::canMoveTo, SagaState::moveTo))
                .containsExactly("RUNNING->COMPENSATING", "RUNNING->CONFIRMED", "COMPENSATING->CANCELLED",
                        "COMPENSATING->FAILED");
        assertThat(SagaState.values()).filteredOn(SagaState::isFinal)
                .containsExactlyInAnyOrder(SagaState.CONFIRMED, SagaState.CANCELLED, SagaState.FAILED);
    }

    @Test
    void backoffGrowsByTheMultiplierUpToItsCap() {
        assertThat(POLICY.timeoutOf(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(POLICY.timeoutOf(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(POLICY.timeoutOf(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(POLICY.timeoutOf(5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(POLICY.timeoutOf(50)).isEqualTo(Duration.ofMinutes(2));
    }

    private static ReceivedReply reply(UUID inReplyTo, SagaCommand answers, boolean succeeded) {
        return new ReceivedReply(UUID.randomUUID(), inReplyTo, answers, succeeded, "test." + answers);
    }

    /** Answers the outstanding command the way a participant would, a second later each time. */
    private final class Replies {

        private Instant now = T0;

        /** Answers {@code count} commands with success; returns the commands sent in return. */
        List<SagaCommand> succeed(int count) {
            List<SagaCommand> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                succeedOnce().ifPresent(command -> sent.add(command.command()));
            }
            return sent;
        }

        Optional<OutgoingCommand> succeedOnce() {
            return answer(true);
        }

        Optional<OutgoingCommand> fail() {
            return answer(false);
        }

        private Optional<OutgoingCommand> answer(boolean succeeded) {
            OutgoingCommand awaited = saga.outstandingCommand().orElseThrow();
            now = now.plusSeconds(1);
            ReplyOutcome outcome = saga.replied(
                    new ReceivedReply(orderId, awaited.commandId(), awaited.command(), succeeded, "test." + awaited.command()),
                    POLICY, now);
            assertThat(outcome).isInstanceOf(ReplyOutcome.Accepted.class);
            return ((ReplyOutcome.Accepted) outcome).next();
        }
    }

    /** The command a deadline's outcome sends: the re-sent one, or the compensation after giving up. */
    private static Optional<OutgoingCommand> sent(DeadlineOutcome outcome) {
        if (outcome instanceof DeadlineOutcome.Resent resent) {
            return Optional.of(resent.command());
        }
        return outcome instanceof DeadlineOutcome.GaveUp gaveUp ? gaveUp.next() : Optional.empty();
    }
}
