package io.microplatform.support.tracing;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanExportingPredicate;

/**
 * Leaves out of the exported traces the calls a platform makes to keep itself running, each its own one-span trace:
 * health probes and Prometheus scrapes ({@code /actuator/**} served), and the Eureka client's heartbeats and
 * registry fetches ({@code /eureka/} called). At 100 % sampling they would be most of the traces (six services, a
 * heartbeat and a fetch every 5 s, a scrape every 5 s), burying the orders' traces. Only the export is skipped: their
 * {@code http.server.requests} and {@code http.client.requests} metrics stay.
 */
final class HousekeepingSpans implements SpanExportingPredicate {

    @Override
    public boolean isExportable(FinishedSpan span) {
        String uri = span.getTags().getOrDefault("uri", "");
        String url = span.getTags().getOrDefault("http.url", "");
        return !uri.startsWith("/actuator") && !url.contains("/eureka/");
    }
}
