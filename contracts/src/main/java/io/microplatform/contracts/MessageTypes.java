package io.microplatform.contracts;

/** The logical type ids written into every message's {@code "type"} field: the wire names of the records. */
public final class MessageTypes {

    public static final String ORDER_PLACED = "order.OrderPlaced";
    public static final String ORDER_STALLED = "order.OrderStalled";
    public static final String CONFIRM_ORDER = "order.ConfirmOrder";
    public static final String CANCEL_ORDER = "order.CancelOrder";
    public static final String ORDER_CONFIRMED = "order.OrderConfirmed";
    public static final String ORDER_CANCELLED = "order.OrderCancelled";

    public static final String RESERVE_STOCK = "inventory.ReserveStock";
    public static final String RELEASE_STOCK = "inventory.ReleaseStock";
    public static final String STOCK_RESERVED = "inventory.StockReserved";
    public static final String STOCK_UNAVAILABLE = "inventory.StockUnavailable";
    public static final String STOCK_RELEASED = "inventory.StockReleased";

    public static final String CHARGE_PAYMENT = "payment.ChargePayment";
    public static final String REFUND_PAYMENT = "payment.RefundPayment";
    public static final String PAYMENT_CHARGED = "payment.PaymentCharged";
    public static final String PAYMENT_DECLINED = "payment.PaymentDeclined";
    public static final String PAYMENT_REFUNDED = "payment.PaymentRefunded";

    public static final String CREATE_SHIPMENT = "shipping.CreateShipment";
    public static final String CANCEL_SHIPMENT = "shipping.CancelShipment";
    public static final String SHIPMENT_CREATED = "shipping.ShipmentCreated";
    public static final String SHIPMENT_FAILED = "shipping.ShipmentFailed";
    public static final String SHIPMENT_CANCELLED = "shipping.ShipmentCancelled";

    private MessageTypes() {
    }
}
