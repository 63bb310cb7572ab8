package io.microplatform.saga.lease;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deadline sweeper's leader lease, under {@code saga.lease.*}.
 *
 * @param ttl how long a lease lasts without renewal: a leader killed with -9 is replaced after at most
 *        {@code ttl + renewInterval}
 * @param renewInterval how often the leader renews and the others try to take over; well below the TTL so one slow
 *        renewal does not lose the lease
 * @param instanceId this instance's name in the leases table; blank means host:pid:random, unique per process
 */
@Validated
@ConfigurationProperties("saga.lease")
public record LeaseProperties(@NotNull @DefaultValue("6s") Duration ttl, @NotNull @DefaultValue("2s") Duration renewInterval,
        String instanceId) {
}
