package io.microplatform.messaging;

import java.util.function.Supplier;

/** Carries a request's trace from {@link Outbox#send} to the record the relay sends, possibly after a restart. */
interface TraceParents {

    TraceParents NONE = new TraceParents() {

        @Override
        public String current() {
            return null;
        }

        @Override
        public <T> T continuing(String traceParent, Supplier<T> send) {
            return send.get();
        }
    };

    /** The W3C traceparent of the current span, or null when there is none. */
    String current();

    /**
     * Runs the send in a span that continues the stored trace. Without it an observed KafkaTemplate
     * (spring.kafka.template.observation-enabled) would replace the traceparent header with a new trace of the
     * relay's thread.
     */
    <T> T continuing(String traceParent, Supplier<T> send);
}
