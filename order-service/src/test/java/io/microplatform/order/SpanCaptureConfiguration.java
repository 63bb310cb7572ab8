package io.microplatform.order;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps every span the service exports in memory, for tests to read. Boot's OpenTelemetry auto-configuration collects
 * every SpanExporter bean into the one BatchSpanProcessor it builds (next to the OTLP exporter when that is
 * enabled), so this exporter receives what a trace store would, batching included. A @TestConfiguration, so the
 * application's component scan of this package leaves it out: only {@link OrderServiceIntegrationTest} imports it.
 */
@TestConfiguration(proxyBeanMethods = false)
class SpanCaptureConfiguration {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
