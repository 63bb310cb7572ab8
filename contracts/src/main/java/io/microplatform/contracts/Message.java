package io.microplatform.contracts;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonSubTypes.Type;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.UUID;

/**
 * A message on a Kafka topic. On the wire it is JSON carrying its logical type id in {@code "type"} (for example
 * {@code "inventory.ReserveStock"}), never a Java class name, so producers and consumers can evolve their classes
 * independently. The record key is always the order id.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @Type(value = OrderMessages.OrderPlaced.class, name = MessageTypes.ORDER_PLACED),
        @Type(value = OrderMessages.OrderStalled.class, name = MessageTypes.ORDER_STALLED),
        @Type(value = OrderMessages.ConfirmOrder.class, name = MessageTypes.CONFIRM_ORDER),
        @Type(value = OrderMessages.CancelOrder.class, name = MessageTypes.CANCEL_ORDER),
        @Type(value = OrderMessages.OrderConfirmed.class, name = MessageTypes.ORDER_CONFIRMED),
        @Type(value = OrderMessages.OrderCancelled.class, name = MessageTypes.ORDER_CANCELLED),
        @Type(value = InventoryMessages.ReserveStock.class, name = MessageTypes.RESERVE_STOCK),
        @Type(value = InventoryMessages.ReleaseStock.class, name = MessageTypes.RELEASE_STOCK),
        @Type(value = InventoryMessages.StockReserved.class, name = MessageTypes.STOCK_RESERVED),
        @Type(value = InventoryMessages.StockUnavailable.class, name = MessageTypes.STOCK_UNAVAILABLE),
        @Type(value = InventoryMessages.StockReleased.class, name = MessageTypes.STOCK_RELEASED),
        @Type(value = PaymentMessages.ChargePayment.class, name = MessageTypes.CHARGE_PAYMENT),
        @Type(value = PaymentMessages.RefundPayment.class, name = MessageTypes.REFUND_PAYMENT),
        @Type(value = PaymentMessages.PaymentCharged.class, name = MessageTypes.PAYMENT_CHARGED),
        @Type(value = PaymentMessages.PaymentDeclined.class, name = MessageTypes.PAYMENT_DECLINED),
        @Type(value = PaymentMessages.PaymentRefunded.class, name = MessageTypes.PAYMENT_REFUNDED),
        @Type(value = ShippingMessages.CreateShipment.class, name = MessageTypes.CREATE_SHIPMENT),
        @Type(value = ShippingMessages.CancelShipment.class, name = MessageTypes.CANCEL_SHIPMENT),
        @Type(value = ShippingMessages.ShipmentCreated.class, name = MessageTypes.SHIPMENT_CREATED),
        @Type(value = ShippingMessages.ShipmentFailed.class, name = MessageTypes.SHIPMENT_FAILED),
        @Type(value = ShippingMessages.ShipmentCancelled.class, name = MessageTypes.SHIPMENT_CANCELLED),
})
public interface Message {

    /** Unique per message; consumers record it to recognise a redelivery. */
    UUID messageId();

    /** The order the message is about; also the Kafka record key. */
    UUID orderId();

    /**
     * What in this message breaks the contract (an id missing, a field outside {@link FieldLimits}); empty when
     * nothing does. Consumers refuse such a message before any handler sees it and send it to the dead-letter topic at
     * once: no retry can fix it, and answering it would pass a bug upstream off as a business outcome. Each problem
     * names a field and its limit, never the value.
     */
    default List<String> violations() {
        return Violations.ofIds(this).list();
    }
}
