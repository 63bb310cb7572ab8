package io.microplatform.contracts;

import java.util.List;

/**
 * Every Kafka topic the services exchange messages on. Messages are keyed by order id so that all messages of one
 * order land on one partition and stay in order.
 */
public final class Topics {

    /** Order-service tells the orchestrator that an order was placed (the saga's trigger). */
    public static final String ORDER_EVENTS = "order-events";
    /** Commands from the orchestrator to each participant, one topic per participant. */
    public static final String INVENTORY_COMMANDS = "inventory-commands";
    public static final String PAYMENT_COMMANDS = "payment-commands";
    public static final String SHIPPING_COMMANDS = "shipping-commands";
    public static final String ORDER_COMMANDS = "order-commands";
    /** Every participant's replies go back to the orchestrator on one topic. */
    public static final String SAGA_REPLIES = "saga-replies";

    /** Suffix of the dead-letter topic for messages a consumer could not process (Spring Kafka's convention). */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public static final int PARTITIONS = 3;

    private Topics() {
    }

    public static List<String> all() {
        return List.of(ORDER_EVENTS, INVENTORY_COMMANDS, PAYMENT_COMMANDS, SHIPPING_COMMANDS, ORDER_COMMANDS, SAGA_REPLIES);
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
