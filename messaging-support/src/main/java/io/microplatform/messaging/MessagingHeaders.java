package io.microplatform.messaging;

/** Kafka record headers the outbox writes on every message. */
public final class MessagingHeaders {

    /** The message's logical type id (as in its JSON {@code "type"}), readable without parsing the value. */
    public static final String TYPE = "message-type";

    /**
     * The W3C trace context of the request that produced the message, stored with the outbox row, so a message sent
     * by the sweep after a restart still continues that trace.
     */
    public static final String TRACE_PARENT = "traceparent";

    private MessagingHeaders() {
    }
}
