package io.microplatform.order.client;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;

/**
 * Puts a fallback on the trace of the request that took it, next to the breaker, retry and bulkhead events that
 * service-support's ResilienceSpanEvents records, so a trace shows why an order was priced from the cache or charged
 * the flat rate. Micrometer's OpenTelemetry bridge keeps the current span in OpenTelemetry's context.
 */
final class FallbackEvents {

    private static final AttributeKey<String> REMOTE = AttributeKey.stringKey("resilience.remote");
    private static final AttributeKey<String> FALLBACK = AttributeKey.stringKey("resilience.fallback");
    private static final AttributeKey<String> CAUSE = AttributeKey.stringKey("resilience.cause");

    private FallbackEvents() {
    }

    static void record(String remote, String fallback, Throwable cause) {
        Span.current().addEvent("resilience.fallback",
                Attributes.of(REMOTE, remote, FALLBACK, fallback, CAUSE, cause.getClass().getSimpleName()));
    }
}
