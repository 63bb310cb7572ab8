package io.microplatform.order.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciler (order.reconciliation.*, each also an environment variable, see application.yml).
 *
 * @param enabled          false: no reconciliation runs on this instance (the gauge stays 0)
 * @param interval         pause between two runs
 * @param reannounceAfter  a PENDING order gets its OrderPlaced published again once it was last announced this long
 *                         ago; at most once per this interval, across all instances
 * @param stalledAfter     a PENDING order this old gets one OrderStalled, and is not announced again
 * @param batchSize        most orders of each kind one run handles
 */
@ConfigurationProperties("order.reconciliation")
record ReconciliationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("15s") Duration reannounceAfter,
        @DefaultValue("30s") Duration stalledAfter,
        @DefaultValue("100") int batchSize) {
}
