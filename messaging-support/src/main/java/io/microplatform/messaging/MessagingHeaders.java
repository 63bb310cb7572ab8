package io.microplatform.messaging;

/** Kafka record headers the outbox writes on every message, and the ones a dead letter gets. */
public final class MessagingHeaders {

    /** The message's logical type id (as in its JSON {@code "type"}), readable without parsing the value. */
    public static final String TYPE = "message-type";

    /**
     * The W3C trace context of the request that produced the message, stored with the outbox row, so a message sent
     * by the sweep after a restart still continues that trace.
     */
    public static final String TRACE_PARENT = "traceparent";

    /**
     * On a dead letter: why it is there, one of {@code malformed} (not JSON, or not its type's shape),
     * {@code unknown-type} (no type id or an unknown one), {@code invalid} (breaks its type's contract) and
     * {@code failed} (its handler kept failing); next to Spring Kafka's {@code kafka_dlt-exception-*} headers.
     */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";

    /** On a dead letter: how often it was delivered before it was given up on (1 for the first three reasons). */
    public static final String DEAD_LETTER_ATTEMPTS = "dead-letter-attempts";

    private MessagingHeaders() {
    }
}
