package io.microplatform.saga.messaging;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.microplatform.contracts.Command;
import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReleased;
import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.InventoryMessages.StockUnavailable;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.ConfirmOrder;
import io.microplatform.contracts.OrderMessages.OrderCancelled;
import io.microplatform.contracts.OrderMessages.OrderConfirmed;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.PaymentMessages.PaymentCharged;
import io.microplatform.contracts.PaymentMessages.PaymentDeclined;
import io.microplatform.contracts.PaymentMessages.PaymentRefunded;
import io.microplatform.contracts.PaymentMessages.RefundPayment;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.ShippingMessages.CancelShipment;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.ShippingMessages.ShipmentCancelled;
import io.microplatform.contracts.ShippingMessages.ShipmentCreated;
import io.microplatform.contracts.ShippingMessages.ShipmentFailed;
import io.microplatform.contracts.Topics;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.DeliveryAddress;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OrderedItem;
import io.microplatform.saga.domain.OutgoingCommand;
import io.microplatform.saga.domain.ReceivedReply;

/** The only place where the saga's own types meet the wire types of the contracts module. */
final class CommandMessages {

    /** Which command each reply type answers: a reply of another kind cannot answer the outstanding command. */
    private static final Map<Class<? extends Reply>, SagaCommand> ANSWERS = Map.ofEntries(
            Map.entry(StockReserved.class, SagaCommand.RESERVE_STOCK),
            Map.entry(StockUnavailable.class, SagaCommand.RESERVE_STOCK),
            Map.entry(StockReleased.class, SagaCommand.RELEASE_STOCK),
            Map.entry(PaymentCharged.class, SagaCommand.CHARGE_PAYMENT),
            Map.entry(PaymentDeclined.class, SagaCommand.CHARGE_PAYMENT),
            Map.entry(PaymentRefunded.class, SagaCommand.REFUND_PAYMENT),
            Map.entry(ShipmentCreated.class, SagaCommand.CREATE_SHIPMENT),
            Map.entry(ShipmentFailed.class, SagaCommand.CREATE_SHIPMENT),
            Map.entry(ShipmentCancelled.class, SagaCommand.CANCEL_SHIPMENT),
            Map.entry(OrderConfirmed.class, SagaCommand.CONFIRM_ORDER),
            Map.entry(OrderCancelled.class, SagaCommand.CANCEL_ORDER));

    /** The logical type ids, as declared once on {@link Message}. */
    private static final Map<Class<?>, String> TYPE_IDS = Arrays
            .stream(Message.class.getAnnotation(JsonSubTypes.class).value())
            .collect(Collectors.toUnmodifiableMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));

    private CommandMessages() {
    }

    static String topicOf(SagaCommand command) {
        return switch (command.participant()) {
            case INVENTORY -> Topics.INVENTORY_COMMANDS;
            case PAYMENT -> Topics.PAYMENT_COMMANDS;
            case SHIPPING -> Topics.SHIPPING_COMMANDS;
            case ORDER -> Topics.ORDER_COMMANDS;
        };
    }

    static Command toMessage(OutgoingCommand outgoing) {
        return switch (outgoing.command()) {
            case RESERVE_STOCK -> new ReserveStock(outgoing.commandId(), outgoing.orderId(),
                    orderOf(outgoing).items().stream()
                            .map(item -> new OrderLine(item.sku(), item.quantity(), item.unitPrice()))
                            .toList());
            case RELEASE_STOCK -> new ReleaseStock(outgoing.commandId(), outgoing.orderId());
            case CHARGE_PAYMENT -> new ChargePayment(outgoing.commandId(), outgoing.orderId(),
                    orderOf(outgoing).customerId(), orderOf(outgoing).total());
            case REFUND_PAYMENT -> new RefundPayment(outgoing.commandId(), outgoing.orderId());
            case CREATE_SHIPMENT -> new CreateShipment(outgoing.commandId(), outgoing.orderId(),
                    toWire(orderOf(outgoing).shippingAddress()));
            case CANCEL_SHIPMENT -> new CancelShipment(outgoing.commandId(), outgoing.orderId());
            case CONFIRM_ORDER -> new ConfirmOrder(outgoing.commandId(), outgoing.orderId());
            case CANCEL_ORDER -> new CancelOrder(outgoing.commandId(), outgoing.orderId(), outgoing.reason()
                    .orElseThrow(() -> new IllegalStateException("CancelOrder without a reason for " + outgoing.orderId()))
                    .name());
        };
    }

    private static OrderDetails orderOf(OutgoingCommand outgoing) {
        return outgoing.order().orElseThrow(() -> new IllegalStateException(outgoing.command() + " for order "
                + outgoing.orderId() + " needs the order's details, but its saga only cancels"));
    }

    static ReceivedReply toReceived(Reply reply) {
        SagaCommand answers = answeredBy(reply.getClass()).orElseThrow(() -> new IllegalArgumentException(
                "No saga command is answered by " + reply.getClass().getName()));
        return new ReceivedReply(reply.orderId(), reply.inReplyTo(), answers, reply.succeeded(), typeOf(reply));
    }

    static Optional<SagaCommand> answeredBy(Class<?> replyType) {
        return Optional.ofNullable(ANSWERS.get(replyType));
    }

    /** The order as the saga keeps it; only for an OrderPlaced without {@link OrderPlacedCheck#problemsOf problems}. */
    static OrderDetails toOrderDetails(OrderPlaced placed) {
        ShippingAddress address = placed.shippingAddress();
        return new OrderDetails(placed.customerId(),
                placed.lines().stream().map(line -> new OrderedItem(line.sku(), line.quantity(), line.unitPrice()))
                        .toList(),
                placed.total(),
                new DeliveryAddress(address.name(), address.street(), address.city(), address.postalCode(),
                        address.country()));
    }

    static String typeOf(Message message) {
        return TYPE_IDS.getOrDefault(message.getClass(), message.getClass().getSimpleName());
    }

    private static ShippingAddress toWire(DeliveryAddress address) {
        return new ShippingAddress(address.name(), address.street(), address.city(), address.postalCode(),
                address.country());
    }
}
