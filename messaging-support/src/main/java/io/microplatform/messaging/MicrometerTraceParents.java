package io.microplatform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Traceparents through Micrometer Tracing. The stored value is always W3C, written out here rather than by the
 * configured propagator, because W3C is what the listeners' observation reads from the
 * {@value MessagingHeaders#TRACE_PARENT} header.
 */
final class MicrometerTraceParents implements TraceParents {

    // looked up on first use, once they exist, then kept: a bean factory lookup on every message showed up in the
    // benchmark's profile (./platform bench, docs/benchmark.md)
    private final SingletonSupplier<Tracer> tracer;
    private final SingletonSupplier<Propagator> propagator;

    MicrometerTraceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = SingletonSupplier.of(tracer::getIfUnique);
        this.propagator = SingletonSupplier.of(propagator::getIfUnique);
    }

    @Override
    public String current() {
        Tracer current = tracer.get();
        Span span = current == null ? null : current.currentSpan();
        // not span.isNoop(): with the OpenTelemetry bridge an unsampled span is a no-op, yet its trace must travel
        // too (flag 00), or each message of an unsampled order would start a trace of its own and be sampled anew:
        // below 100 % sampling, fragments of many orders instead of whole orders
        TraceContext context = span == null ? null : span.context();
        if (context == null || !isValid(context.traceId())) {
            return null;
        }
        // Brave may use 64-bit trace ids; W3C wants 128 bits, left-padded with zeros
        return "00-" + leftPad(context.traceId(), 32) + "-" + leftPad(context.spanId(), 16) + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    @Override
    public <T> T continuing(String traceParent, Supplier<T> send) {
        Tracer current = tracer.get();
        Propagator propagation = propagator.get();
        if (traceParent == null || current == null || propagation == null) {
            return send.get();
        }
        Span span = propagation.extract(Map.of(MessagingHeaders.TRACE_PARENT, traceParent), Map::get)
                .name("outbox relay")
                .start();
        try (Tracer.SpanInScope scope = current.withSpan(span)) {
            return send.get();
        }
        finally {
            span.end();
        }
    }

    private static boolean isValid(String traceId) {
        return traceId != null && !traceId.isBlank() && !traceId.chars().allMatch(digit -> digit == '0');
    }

    private static String leftPad(String hex, int length) {
        return "0".repeat(Math.max(0, length - hex.length())) + hex;
    }
}
