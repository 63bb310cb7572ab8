package io.microplatform.saga.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.microplatform.saga.SagaManagement;
import io.microplatform.saga.SagaProperties;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.lease.FencingToken;
import io.microplatform.saga.lease.LeaderElection;
import io.microplatform.saga.lease.StaleLeaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Turns silence into action: on the instance that holds the sweeper lease, every {@code saga.sweep-interval} it finds
 * the sagas past their deadline and handles each in a transaction of its own, fenced by the lease's token.
 * Every instance runs it; only the leader acts, so a re-send is decided once, not once per instance.
 */
@Component
class DeadlineSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final LeaderElection leader;
    private final SagaRepository sagas;
    private final SagaManagement management;
    private final SagaProperties properties;
    private final Clock clock;

    DeadlineSweeper(LeaderElection leader, SagaRepository sagas, SagaManagement management, SagaProperties properties,
            Clock clock) {
        this.leader = leader;
        this.sagas = sagas;
        this.management = management;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweepQuietly, properties.sweepInterval());
    }

    /** @return the sagas handled; 0 when this instance is not the leader */
    int sweep() {
        Optional<FencingToken> token = leader.token();
        if (token.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<UUID> due = sagas.dueAt(now, properties.sweepBatchSize());
        int handled = 0;
        for (UUID orderId : due) {
            try {
                management.onDeadline(orderId, token.get(), now);
                handled++;
            } catch (StaleLeaseException e) {
                log.warn("Stopped sweeping: {}", e.getMessage());
                leader.lost(token.get());
                return handled;
            } catch (OptimisticLockingFailureException e) {
                log.debug("Saga {} changed while its deadline was handled (a reply came); next sweep looks again", orderId);
            } catch (RuntimeException e) {
                log.warn("Could not handle the deadline of saga {}; next sweep tries again: {}", orderId, e.toString());
            }
        }
        return handled;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // an exception would end the schedule; the database may be back on the next round
            log.warn("Deadline sweep failed: {}", e.toString());
        }
    }
}
