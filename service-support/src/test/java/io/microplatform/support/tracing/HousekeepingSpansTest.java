package io.microplatform.support.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class HousekeepingSpansTest {

    private final HousekeepingSpans housekeeping = new HousekeepingSpans();

    @Test
    void leavesOutProbesScrapesAndEurekaTraffic() {
        assertThat(housekeeping.isExportable(span(Map.of("uri", "/actuator/health/{*path}")))).isFalse();
        assertThat(housekeeping.isExportable(span(Map.of("uri", "/actuator/prometheus")))).isFalse();
        assertThat(housekeeping.isExportable(span(Map.of("uri", "none",
                "http.url", "http://127.0.0.1:8761/eureka/apps/ORDER-SERVICE/order-service:8081?status=UP")))).isFalse();
        assertThat(housekeeping.isExportable(span(Map.of("uri", "none", "http.url", "http://127.0.0.1:8761/eureka/apps/"))))
                .isFalse();
    }

    @Test
    void exportsTheOrdersSpans() {
        assertThat(housekeeping.isExportable(span(Map.of("uri", "/api/orders", "http.url", "/api/orders")))).isTrue();
        assertThat(housekeeping.isExportable(span(Map.of("uri", "/api/inventory/items/{sku}",
                "http.url", "http://inventory-service/api/inventory/items/MOUSE-01")))).isTrue();
        assertThat(housekeeping.isExportable(span(Map.of("messaging.destination.name", "inventory-commands")))).isTrue();
    }

    @Test
    void isOnUnlessHousekeepingSpansAreAskedFor() {
        ApplicationContextRunner context = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HousekeepingSpansAutoConfiguration.class));
        context.run(app -> assertThat(app).hasSingleBean(SpanExportingPredicate.class));
        context.withPropertyValues("platform.tracing.export-housekeeping-spans=true")
                .run(app -> assertThat(app).doesNotHaveBean(SpanExportingPredicate.class));
    }

    private static FinishedSpan span(Map<String, String> tags) {
        FinishedSpan span = mock(FinishedSpan.class);
        when(span.getTags()).thenReturn(tags);
        return span;
    }
}
