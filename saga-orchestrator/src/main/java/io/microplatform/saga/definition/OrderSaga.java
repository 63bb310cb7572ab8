package io.microplatform.saga.definition;

import static io.microplatform.saga.definition.CancellationReason.OUT_OF_STOCK;
import static io.microplatform.saga.definition.CancellationReason.PAYMENT_DECLINED;
import static io.microplatform.saga.definition.CancellationReason.SHIPPING_FAILED;
import static io.microplatform.saga.definition.SagaCommand.CANCEL_ORDER;
import static io.microplatform.saga.definition.SagaCommand.CANCEL_SHIPMENT;
import static io.microplatform.saga.definition.SagaCommand.CHARGE_PAYMENT;
import static io.microplatform.saga.definition.SagaCommand.CONFIRM_ORDER;
import static io.microplatform.saga.definition.SagaCommand.CREATE_SHIPMENT;
import static io.microplatform.saga.definition.SagaCommand.REFUND_PAYMENT;
import static io.microplatform.saga.definition.SagaCommand.RELEASE_STOCK;
import static io.microplatform.saga.definition.SagaCommand.RESERVE_STOCK;

/** The order saga, read top to bottom going forward and bottom to top when compensating. */
public final class OrderSaga {

    public static final SagaDefinition DEFINITION = SagaDefinition.builder()
            // the order was placed before the saga started; undoing it means cancelling it with the saga's reason
            .alreadyDone("place-order", CANCEL_ORDER)
            // compensatable: undone, last first, when a later step is refused or a step stays silent
            .step("reserve-stock", RESERVE_STOCK, RELEASE_STOCK, OUT_OF_STOCK)
            .step("charge-payment", CHARGE_PAYMENT, REFUND_PAYMENT, PAYMENT_DECLINED)
            .step("create-shipment", CREATE_SHIPMENT, CANCEL_SHIPMENT, SHIPPING_FAILED)
            // the pivot: order-service may apply a ConfirmOrder however late it arrives, and a confirmed order is
            // final. Compensating after sending it could refund and release under a confirmed order, so from here the
            // saga rolls forward: ConfirmOrder is re-sent (same message id, capped back-off) until it is answered
            .retriable("confirm-order", CONFIRM_ORDER)
            .build();

    private OrderSaga() {
    }
}
