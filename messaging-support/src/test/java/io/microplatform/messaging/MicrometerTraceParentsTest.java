package io.microplatform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class MicrometerTraceParentsTest {

    private final Tracer tracer = mock(Tracer.class);
    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final MicrometerTraceParents traceParents = new MicrometerTraceParents(beans.getBeanProvider(Tracer.class),
            beans.getBeanProvider(Propagator.class));

    @Test
    void formatsTheCurrentSpanAsW3cTraceParent() {
        beans.addBean("tracer", tracer);
        currentSpan("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true);

        assertThat(traceParents.current()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    @Test
    void padsA64BitTraceIdAndMarksAnUnsampledTrace() {
        beans.addBean("tracer", tracer);
        currentSpan("a3ce929d0e0e4736", "00f067aa0ba902b7", false);

        assertThat(traceParents.current()).isEqualTo("00-0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-00");
    }

    /** With the OpenTelemetry bridge an unsampled span is a no-op span; its trace still travels, marked 00. */
    @Test
    void keepsAnUnsampledTraceOfTheOpenTelemetryBridge() {
        SdkTracerProvider neverSampling = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build();
        OtelTracer otel = new OtelTracer(neverSampling.get("test"), new OtelCurrentTraceContext(), event -> {
        });
        beans.addBean("tracer", otel);
        Span unsampled = otel.nextSpan().name("POST /api/orders").start();
        try (Tracer.SpanInScope scope = otel.withSpan(unsampled)) {
            assertThat(unsampled.isNoop()).as("what the bridge says of an unsampled span").isTrue();

            assertThat(traceParents.current())
                    .isEqualTo("00-" + unsampled.context().traceId() + "-" + unsampled.context().spanId() + "-00")
                    .doesNotContain("-00000000000000000000000000000000-");
        }
        finally {
            unsampled.end();
            neverSampling.close();
        }
    }

    @Test
    void isNullWithoutASpanOrWithoutATracer() {
        assertThat(traceParents.current()).isNull();
        beans.addBean("tracer", tracer);
        assertThat(traceParents.current()).isNull();
    }

    private void currentSpan(String traceId, String spanId, boolean sampled) {
        Span span = mock(Span.class);
        TraceContext context = mock(TraceContext.class);
        when(tracer.currentSpan()).thenReturn(span);
        when(span.context()).thenReturn(context);
        when(context.traceId()).thenReturn(traceId);
        when(context.spanId()).thenReturn(spanId);
        when(context.sampled()).thenReturn(sampled);
    }
}
