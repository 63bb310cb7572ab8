package io.microplatform.saga;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.microplatform.saga.domain.RetryPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The orchestrator's settings, under {@code saga.*} (the leader lease has its own record under {@code saga.lease.*}).
 *
 * @param stepTimeout wait for a reply after the first send of a command
 * @param backoffMultiplier each re-send waits this much longer than the attempt before
 * @param maxStepTimeout longest single wait, so compensations keep being re-sent minutes apart rather than hours
 * @param maxAttempts sends of a forward command, the first included, before the saga compensates with TIMED_OUT
 * @param maxCompensationAttempts sends of a compensation before the saga is parked as FAILED (and alerts)
 * @param sweepInterval how often the leader looks for sagas past their deadline
 * @param sweepBatchSize sagas one sweep handles at most, each in its own transaction
 * @param gaugeRefreshInterval how often saga.in.flight, saga.failed.current and saga.oldest.in.flight.age are read
 *        from the database
 * @param clockRefreshInterval how often the database's clock, which every instance's deadlines use, is read again;
 *        in between it advances with the JVM's monotonic time
 */
@Validated
@ConfigurationProperties("saga")
public record SagaProperties(
        @NotNull @DefaultValue("10s") Duration stepTimeout,
        @DecimalMin("1.0") @DefaultValue("2.0") double backoffMultiplier,
        @NotNull @DefaultValue("2m") Duration maxStepTimeout,
        @Min(1) @DefaultValue("3") int maxAttempts,
        @Min(1) @DefaultValue("10") int maxCompensationAttempts,
        @NotNull @DefaultValue("1s") Duration sweepInterval,
        @Min(1) @DefaultValue("100") int sweepBatchSize,
        @NotNull @DefaultValue("5s") Duration gaugeRefreshInterval,
        @NotNull @DefaultValue("5s") Duration clockRefreshInterval) {

    RetryPolicy retryPolicy() {
        return new RetryPolicy(stepTimeout, backoffMultiplier, maxStepTimeout, maxAttempts, maxCompensationAttempts);
    }
}
