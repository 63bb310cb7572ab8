package io.microplatform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the shared messaging support, under {@code messaging.*}. */
@ConfigurationProperties("messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Consumer consumer,
        @DefaultValue Topics topics) {

    /**
     * @param sweepInterval how often the sweep looks for messages the immediate relay did not publish; it only bounds
     *        the delay after a crash or a broker outage, the normal path does not wait for it
     * @param gracePeriod how old an unpublished message must be before the sweep takes it over; long enough that the
     *        immediate relay has normally been acknowledged, so the sweep rarely sends a message twice
     * @param batchSize messages one sweep sends at most, holding their row locks until the broker acknowledged them
     * @param sendTimeout how long one sweep's transaction may wait for the broker (its sends and their
     *        acknowledgements) before it leaves the rest for the next sweep; the transaction holds its row locks
     *        meanwhile, so this stays well below the database's idle_in_transaction_session_timeout (30 s by default,
     *        platform-service-defaults.yml)
     * @param retention how long published messages stay in the table, for inspection after an incident
     * @param maxAttempts refusals by the broker of the row itself (too large, invalid topic, not authorized) after
     *        which the row is parked: never sent again, counted in outbox.parked. An unreachable broker never counts
     * @param housekeepingInterval how often published rows and old clocks are trimmed and the outbox.pending gauges
     *        refreshed; apart from the sweep, which must stay frequent, because an idle service would otherwise spend
     *        most of its database transactions on housekeeping
     */
    public record Outbox(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("2s") Duration gracePeriod,
            @DefaultValue("100") int batchSize, @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("1h") Duration retention, @DefaultValue("5") int maxAttempts,
            @DefaultValue("5s") Duration housekeepingInterval) {
    }

    /**
     * @param retries deliveries after the first before a record goes to its dead-letter topic; bounded so one poison
     *        record cannot stop a partition for long. Failures that retrying fixes once a dependency is back (the
     *        database unreachable, a lock timeout) are retried without limit instead and never dead-lettered
     * @param initialBackoff wait before the first retry
     * @param backoffMultiplier growth of the wait from one retry to the next
     * @param maxBackoff longest single wait, well below max.poll.interval.ms so retries never cause a rebalance
     * @param processedRetention how long vector clocks and causal effects are remembered; longer than the topics'
     *        retention (Kafka's default is 7 days), so a record that can still be redelivered finds its order's clock
     * @param maxHandlingTime the longest one record's listener may take, retries of its remote calls included: the
     *        default max.poll.records is derived from it so that a whole poll is handled well within
     *        max.poll.interval.ms (see {@link ConsumerBudget})
     */
    public record Consumer(@DefaultValue("3") int retries, @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double backoffMultiplier, @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("14d") Duration processedRetention, @DefaultValue("2s") Duration maxHandlingTime) {
    }

    /**
     * @param replicationFactor replicas of every topic and dead-letter topic created at start-up; 1 for the local
     *        single-broker stack, 3 on a real cluster
     */
    public record Topics(@DefaultValue("1") short replicationFactor) {
    }
}
