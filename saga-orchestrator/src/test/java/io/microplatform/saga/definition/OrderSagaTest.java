package io.microplatform.saga.definition;

import static io.microplatform.saga.definition.SagaCommand.CANCEL_ORDER;
import static io.microplatform.saga.definition.SagaCommand.CANCEL_SHIPMENT;
import static io.microplatform.saga.definition.SagaCommand.CHARGE_PAYMENT;
import static io.microplatform.saga.definition.SagaCommand.CONFIRM_ORDER;
import static io.microplatform.saga.definition.SagaCommand.CREATE_SHIPMENT;
import static io.microplatform.saga.definition.SagaCommand.REFUND_PAYMENT;
import static io.microplatform.saga.definition.SagaCommand.RELEASE_STOCK;
import static io.microplatform.saga.definition.SagaCommand.RESERVE_STOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order saga's walk, with no infrastructure: given the replies, expect the commands sent and the outcome. */
class OrderSagaTest {

    private final SagaDefinition saga = OrderSaga.DEFINITION;

    @Test
    void walksForwardThroughEveryStepAndConfirms() {
        Walk walk = new Walk().succeed().succeed().succeed().succeed();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, CREATE_SHIPMENT, CONFIRM_ORDER);
        assertThat(walk.end).isInstanceOf(Transition.Confirm.class);
    }

    @Test
    void outOfStockCancelsTheOrderWithoutReleasingAnything() {
        Walk walk = new Walk().fail().succeed();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CANCEL_ORDER);
        assertThat(walk.reason).contains(CancellationReason.OUT_OF_STOCK);
        assertThat(walk.end).isInstanceOf(Transition.Cancel.class);
    }

    @Test
    void declinedPaymentReleasesTheStockThenCancels() {
        Walk walk = new Walk().succeed().fail().succeed().succeed();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, RELEASE_STOCK, CANCEL_ORDER);
        assertThat(walk.reason).contains(CancellationReason.PAYMENT_DECLINED);
        assertThat(walk.end).isInstanceOf(Transition.Cancel.class);
    }

    @Test
    void failedShipmentRefundsThePaymentAndReleasesTheStockInReverseOrder() {
        Walk walk = new Walk().succeed().succeed().fail().succeed().succeed().succeed();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, CREATE_SHIPMENT,
                REFUND_PAYMENT, RELEASE_STOCK, CANCEL_ORDER);
        assertThat(walk.reason).contains(CancellationReason.SHIPPING_FAILED);
        assertThat(walk.end).isInstanceOf(Transition.Cancel.class);
    }

    @Test
    void silentParticipantIsCompensatedTooBecauseItsOutcomeIsUnknown() {
        Walk walk = new Walk().succeed().giveUp().succeed().succeed().succeed();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, REFUND_PAYMENT, RELEASE_STOCK, CANCEL_ORDER);
        assertThat(walk.reason).contains(CancellationReason.TIMED_OUT);
        assertThat(walk.end).isInstanceOf(Transition.Cancel.class);
    }

    @Test
    void silentShipmentCancelsTheShipmentThatMayExist() {
        Walk walk = new Walk().succeed().succeed().giveUp();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, CREATE_SHIPMENT, CANCEL_SHIPMENT);
        assertThat(walk.reason).contains(CancellationReason.TIMED_OUT);
    }

    @Test
    void unansweredCommandIsResentWhileTheRetryPolicyAllows() {
        Walk walk = new Walk().succeed().resend().resend().succeed();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, CHARGE_PAYMENT, CHARGE_PAYMENT,
                CREATE_SHIPMENT);
        assertThat(walk.reason).isEmpty();
    }

    @Test
    void silentConfirmationIsResentForeverAndNothingIsEverCompensated() {
        // order-service may apply a ConfirmOrder however late: once sent, the saga must not refund or release
        Walk walk = new Walk().succeed().succeed().succeed().giveUp().giveUp().giveUp().succeed();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, CREATE_SHIPMENT,
                CONFIRM_ORDER, CONFIRM_ORDER, CONFIRM_ORDER, CONFIRM_ORDER);
        assertThat(walk.reason).isEmpty();
        assertThat(walk.end).isInstanceOf(Transition.Confirm.class);
    }

    @Test
    void theStepTableSaysWhichStepsCompensateAndWhichRollForward() {
        assertThat(saga.steps()).extracting(Step::name, step -> step.compensation().isPresent(), Step::retriable)
                .containsExactly(
                        tuple("place-order", true, false),
                        tuple("reserve-stock", true, false),
                        tuple("charge-payment", true, false),
                        tuple("create-shipment", true, false),
                        tuple("confirm-order", false, true));
    }

    @Test
    void onlyRetriableStepsMayFollowThePivot() {
        SagaDefinition.Builder pastThePivot = SagaDefinition.builder()
                .step("reserve-stock", RESERVE_STOCK, RELEASE_STOCK, CancellationReason.OUT_OF_STOCK)
                .retriable("confirm-order", CONFIRM_ORDER);

        assertThatIllegalStateException().isThrownBy(() -> pastThePivot.step("charge-payment", CHARGE_PAYMENT,
                REFUND_PAYMENT, CancellationReason.PAYMENT_DECLINED));
    }

    @Test
    void orderThatNeverGotASagaIsOnlyCancelled() {
        Walk walk = new Walk(saga.compensateBeforeStart(CancellationReason.TIMED_OUT));

        assertThat(walk.position).isEqualTo(new Position(0, Direction.BACKWARD));
        walk.succeed();

        assertThat(walk.sent).containsExactly(CANCEL_ORDER);
        assertThat(walk.reason).contains(CancellationReason.TIMED_OUT);
        assertThat(walk.end).isInstanceOf(Transition.Cancel.class);
    }

    @Test
    void rejectedOrderIsCancelledWithItsReasonAndParkedWhenTheCancellationGoesUnanswered() {
        Walk walk = new Walk(saga.compensateBeforeStart(CancellationReason.REJECTED)).resend().giveUp();

        assertThat(walk.sent).containsExactly(CANCEL_ORDER, CANCEL_ORDER);
        assertThat(walk.reason).contains(CancellationReason.REJECTED);
        assertThat(walk.end).isInstanceOf(Transition.Park.class);
    }

    @Test
    void compensationThatNeverGetsAnAnswerParksTheSaga() {
        Walk walk = new Walk().succeed().fail().giveUp();

        assertThat(walk.sent).containsExactly(RESERVE_STOCK, CHARGE_PAYMENT, RELEASE_STOCK);
        assertThat(walk.end).isInstanceOf(Transition.Park.class);
    }

    @Test
    void refusedCompensationParksTheSaga() {
        Walk walk = new Walk().succeed().fail().fail();

        assertThat(walk.end).isInstanceOf(Transition.Park.class);
    }

    @Test
    void everyStepThatCanFailHasACompensationAndAReason() {
        assertThat(saga.steps()).filteredOn(step -> step.failureReason().isPresent())
                .allSatisfy(step -> assertThat(step.compensation()).isPresent());
    }

    /** Feeds replies to the definition the way the orchestrator does and records what it sends. */
    private final class Walk {

        final List<SagaCommand> sent = new ArrayList<>();
        Optional<CancellationReason> reason = Optional.empty();
        Transition end;
        Position position;

        Walk() {
            this(saga.start());
        }

        Walk(Transition first) {
            apply(first);
        }

        Walk succeed() {
            apply(saga.succeeded(position));
            return this;
        }

        Walk fail() {
            apply(saga.failed(position));
            return this;
        }

        /** The deadline passed and the retry policy allows another send. */
        Walk resend() {
            apply(saga.unanswered(position, true));
            return this;
        }

        /** The deadline passed after the last send the retry policy allows. */
        Walk giveUp() {
            apply(saga.unanswered(position, false));
            return this;
        }

        private void apply(Transition transition) {
            assertThat(end).as("saga already ended").isNull();
            if (transition instanceof Transition.Resend) {
                sent.add(sent.get(sent.size() - 1));
            } else if (transition instanceof Transition.Send send) {
                sent.add(send.command());
                position = send.position();
                if (send.reason().isPresent()) {
                    reason = send.reason();
                }
            } else {
                end = transition;
            }
        }
    }
}
