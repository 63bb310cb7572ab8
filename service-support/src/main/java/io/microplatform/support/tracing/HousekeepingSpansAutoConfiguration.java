package io.microplatform.support.tracing;

import io.micrometer.tracing.exporter.SpanExportingPredicate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * {@link HousekeepingSpans} for every service; Boot's tracing auto-configuration applies every SpanExportingPredicate
 * bean to every exporter. {@code platform.tracing.export-housekeeping-spans=true} exports them too (to look at probes
 * or heartbeats themselves).
 */
@AutoConfiguration
@ConditionalOnClass(SpanExportingPredicate.class)
@ConditionalOnProperty(prefix = "platform.tracing", name = "export-housekeeping-spans", havingValue = "false",
        matchIfMissing = true)
public class HousekeepingSpansAutoConfiguration {

    @Bean
    SpanExportingPredicate housekeepingSpans() {
        return new HousekeepingSpans();
    }
}
