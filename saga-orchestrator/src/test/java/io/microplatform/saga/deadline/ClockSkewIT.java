package io.microplatform.saga.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.microplatform.saga.SagaIntegrationTest;
import io.microplatform.saga.SagaManagement;
import io.microplatform.saga.SagaProperties;
import io.microplatform.saga.clock.DatabaseClock;
import io.microplatform.saga.definition.Direction;
import io.microplatform.saga.domain.CommandSender;
import io.microplatform.saga.domain.DeliveryAddress;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OrderedItem;
import io.microplatform.saga.domain.OutgoingCommand;
import io.microplatform.saga.domain.ReceivedReply;
import io.microplatform.saga.domain.RetryPolicy;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.saga.lease.LeaderElection;
import io.microplatform.saga.lease.Leases;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two orchestrators whose JVM clocks are minutes apart agree on every deadline, because both take "now" from the
 * database's clock. The running orchestrator is one instance; the other ("instance A", its JVM clock seven minutes
 * ahead) is built here from the same parts: it writes a saga's deadline, or it leads and sweeps.
 */
@SagaIntegrationTest
class ClockSkewIT {

    private static final Duration SKEW = Duration.ofMinutes(7);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final OrderDetails ORDER = new OrderDetails("alice",
            List.of(new OrderedItem("KEYBOARD-01", 2, new BigDecimal("49.90"))), new BigDecimal("104.79"),
            new DeliveryAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Clock clock;

    @Autowired
    private SagaRepository sagas;

    @Autowired
    private CommandSender commands;

    @Autowired
    private SagaManagement management;

    @Autowired
    private SagaProperties properties;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private Leases leases;

    @Autowired
    private LeaderElection sweeperLeaderElection;

    @Test
    void anInstanceWhoseJvmClockIsMinutesAheadAgreesWithTheOther() {
        DatabaseClock instanceA = instanceWithSkewedJvmClock();

        assertThat(instanceA.jvmSkew()).isCloseTo(SKEW, Duration.ofSeconds(5));
        assertThat(Duration.between(instanceA.instant(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(instanceA.instant(), databaseNow()).abs()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theLeaderResendsOnTimeWhatAnInstanceWhoseJvmClockIsMinutesAheadSent() {
        DatabaseClock instanceA = instanceWithSkewedJvmClock();
        UUID orderId = start(instanceA, properties.stepTimeout());
        Saga sent = management.get(orderId);
        assertThat(sent.createdAt()).isCloseTo(databaseNow(), within(5, ChronoUnit.SECONDS));

        // the running orchestrator leads the sweep: it re-sends at the deadline A wrote, not minutes later
        await().atMost(PATIENCE).until(() -> firstStepSends(orderId) == 2);

        assertThat(management.get(orderId).updatedAt()).isAfterOrEqualTo(sent.deadline().orElseThrow());
        finish(orderId);
    }

    @Test
    void aLeaderWhoseJvmClockIsMinutesAheadResendsNoEarlierThanTheDeadline() {
        DatabaseClock instanceA = instanceWithSkewedJvmClock();
        String holder = "instance-a-" + UUID.randomUUID();
        LeaderElection leaderA = new LeaderElection(leases, "saga-deadline-sweeper", holder, Duration.ofSeconds(30),
                Duration.ofSeconds(10));
        // the running orchestrator hands the lease over (released, so A takes it at once)
        sweeperLeaderElection.stop();
        UUID orderId = null;
        try {
            leaderA.renew();
            assertThat(leaderA.token()).as("instance A leads").isPresent();
            DeadlineSweeper sweeperA = new DeadlineSweeper(leaderA, sagas, management, properties, instanceA);
            // written by the running orchestrator, due in 10 s of database time
            orderId = start(clock, Duration.ofSeconds(10));
            UUID id = orderId;
            Instant deadline = management.get(orderId).deadline().orElseThrow();

            sweeperA.sweep();
            assertThat(management.get(orderId).attempts()).as("not re-sent before its deadline").isOne();

            await().atMost(PATIENCE).until(() -> {
                sweeperA.sweep();
                return firstStepSends(id) == 2;
            });
            assertThat(management.get(orderId).updatedAt()).isAfterOrEqualTo(deadline);
            assertThat(databaseNow()).isAfterOrEqualTo(deadline);
        } finally {
            leases.release("saga-deadline-sweeper", holder);
            sweeperLeaderElection.start();
            if (orderId != null) {
                finish(orderId);
            }
        }
    }

    private int firstStepSends(UUID orderId) {
        return management.get(orderId).steps().get(0).attempts();
    }

    private DatabaseClock instanceWithSkewedJvmClock() {
        return DatabaseClock.of(JdbcClient.create(dataSource), Clock.offset(Clock.systemUTC(), SKEW));
    }

    /** What SagaManagement.start does, on an instance with {@code clockOfInstance} and a step timeout of its own. */
    private UUID start(Clock clockOfInstance, Duration stepTimeout) {
        UUID orderId = UUID.randomUUID();
        RetryPolicy policy = new RetryPolicy(stepTimeout, 2.0, Duration.ofMinutes(2), 2, 2);
        transaction.executeWithoutResult(status -> commands.send(sagas.add(Saga.start(orderId, ORDER, policy,
                clockOfInstance.instant())).outstandingCommand().orElseThrow()));
        return orderId;
    }

    private Instant databaseNow() {
        return JdbcClient.create(dataSource).sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single()
                .toInstant();
    }

    /** Walks the saga back to CANCELLED the way replies would, so it does not time out during other tests. */
    private void finish(UUID orderId) {
        for (Saga saga = management.get(orderId); !saga.state().isFinal(); saga = management.get(orderId)) {
            OutgoingCommand awaited = saga.outstandingCommand().orElseThrow();
            // a forward command refused, a compensation done
            boolean done = saga.position().direction() == Direction.BACKWARD;
            try {
                management.onReply(new ReceivedReply(orderId, awaited.commandId(), awaited.command(), done, "test"));
            } catch (OptimisticLockingFailureException e) {
                // the sweeper re-sent it meanwhile: answer the saga as it is now
            }
        }
        assertThat(management.get(orderId).state()).isEqualTo(SagaState.CANCELLED);
    }
}
