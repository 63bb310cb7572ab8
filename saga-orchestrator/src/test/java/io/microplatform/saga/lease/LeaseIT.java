package io.microplatform.saga.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.microplatform.saga.SagaIntegrationTest;
import io.microplatform.saga.SagaManagement;
import io.microplatform.saga.domain.DeliveryAddress;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OrderedItem;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.OutgoingCommand;
import io.microplatform.saga.domain.ReceivedReply;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweeper's lease against the real PostgreSQL: takeover after expiry, fencing of a replaced leader's writes, and
 * a takeover waiting for writes in flight. Each test uses a lease of its own, so the running orchestrator's sweeper
 * lease is only touched where a test says so.
 */
@SagaIntegrationTest
class LeaseIT {

    private static final Duration SHORT = Duration.ofMillis(500);

    @Autowired
    private DataSource dataSource;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private SagaManagement sagas;

    @Autowired
    private LeaderElection sweeperLeaderElection;

    private Leases leases;
    private String lease;

    @BeforeEach
    void newLease() {
        leases = new Leases(JdbcClient.create(dataSource));
        lease = "test-" + UUID.randomUUID();
        leases.create(lease);
    }

    @Test
    void aLeaseIsRenewedByItsHolderAndTakenOverOnlyOnceItExpired() {
        FencingToken first = leases.acquire(lease, "instance-a", SHORT).orElseThrow();

        assertThat(leases.acquire(lease, "instance-b", SHORT)).isEmpty();
        assertThat(leases.acquire(lease, "instance-a", SHORT)).as("renewal keeps the token").contains(first);

        // instance-a is killed with -9: it neither renews nor releases, and is replaced once the TTL ran out
        FencingToken second = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> leases.acquire(lease, "instance-b", SHORT), Optional::isPresent).orElseThrow();

        assertThat(second.value()).isEqualTo(first.value() + 1);
        assertThat(leases.acquire(lease, "instance-a", SHORT)).as("the old holder cannot renew").isEmpty();
    }

    @Test
    void refusesASweeperWriteCarryingAStaleToken() {
        FencingToken stale = leases.acquire(lease, "old-leader", Duration.ofMillis(1)).orElseThrow();
        FencingToken current = await().atMost(Duration.ofSeconds(5))
                .until(() -> leases.acquire(lease, "new-leader", Duration.ofMinutes(1)), Optional::isPresent)
                .orElseThrow();
        UUID orderId = UUID.randomUUID();
        // the running orchestrator's own sweeper stays out of this saga: it is idle while it holds no lease
        sweeperLeaderElection.stop();
        try {
            sagas.start(orderId, order());
            Saga before = sagas.get(orderId);
            // a moment at which the saga's deadline has passed
            Instant overdue = before.deadline().orElseThrow().plusSeconds(1);

            assertThatExceptionOfType(StaleLeaseException.class)
                    .isThrownBy(() -> sagas.onDeadline(orderId, stale, overdue));
            Saga untouched = sagas.get(orderId);
            assertThat(untouched.version()).isEqualTo(before.version());
            assertThat(untouched.attempts()).isOne();

            sagas.onDeadline(orderId, current, overdue);
            Saga resent = sagas.get(orderId);
            assertThat(resent.attempts()).as("the current leader re-sent the command").isEqualTo(2);
            assertThat(resent.steps().get(0).attempts()).isEqualTo(2);
        } finally {
            sweeperLeaderElection.start();
            finish(orderId);
        }
    }

    /** Ends the saga the way replies would, so it does not time out and alert later, during other tests. */
    private void finish(UUID orderId) {
        OutgoingCommand reserve = sagas.get(orderId).outstandingCommand().orElseThrow();
        sagas.onReply(new ReceivedReply(orderId, reserve.commandId(), SagaCommand.RESERVE_STOCK, false,
                "inventory.StockUnavailable"));
        OutgoingCommand cancel = sagas.get(orderId).outstandingCommand().orElseThrow();
        sagas.onReply(new ReceivedReply(orderId, cancel.commandId(), SagaCommand.CANCEL_ORDER, true,
                "order.OrderCancelled"));
        assertThat(sagas.get(orderId).state()).isEqualTo(SagaState.CANCELLED);
    }

    @Test
    void aTakeoverWaitsUntilTheWritesThatPassedTheFenceCommitted() throws Exception {
        FencingToken old = leases.acquire(lease, "old-leader", Duration.ofMillis(200)).orElseThrow();
        CountDownLatch fenced = new CountDownLatch(1);
        CountDownLatch finishWrite = new CountDownLatch(1);
        // threads of our own: the common pool may run one task at a time on 2 cores, which would serialize the two
        ExecutorService leaders = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            leases.verify(old);
            fenced.countDown();
            awaitQuietly(finishWrite);
        }), leaders);
        assertThat(fenced.await(10, TimeUnit.SECONDS)).isTrue();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "SELECT expires_at < clock_timestamp() FROM leases WHERE name = ?").param(lease).query(Boolean.class)
                .single());

        CompletableFuture<Optional<FencingToken>> takeover = CompletableFuture.supplyAsync(() ->
                leases.acquire(lease, "new-leader", Duration.ofMinutes(1)), leaders);

        // the lease expired, yet the takeover blocks behind the old leader's open transaction
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !takeover.isDone());
        finishWrite.countDown();
        write.get(10, TimeUnit.SECONDS);
        assertThat(takeover.get(10, TimeUnit.SECONDS)).map(FencingToken::value).contains(old.value() + 1);
        leaders.shutdown();
    }

    @Test
    void aGracefullyStoppedLeaderHandsOverAtOnceNotAfterItsTtl() {
        LeaderElection a = new LeaderElection(leases, lease, "instance-a", Duration.ofSeconds(30), Duration.ofMillis(100));
        LeaderElection b = new LeaderElection(leases, lease, "instance-b", Duration.ofSeconds(30), Duration.ofMillis(100));
        a.start();
        try {
            FencingToken first = await().atMost(Duration.ofSeconds(5)).until(a::token, Optional::isPresent).orElseThrow();
            b.start();
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> b.token().isEmpty() && a.token().equals(Optional.of(first)));

            a.stop();

            // far less than the 30 s TTL: the lease was released
            FencingToken second = await().atMost(Duration.ofSeconds(5)).until(b::token, Optional::isPresent).orElseThrow();
            assertThat(second.value()).isEqualTo(first.value() + 1);
            assertThat(a.token()).isEmpty();
        } finally {
            a.stop();
            b.stop();
        }
    }

    private static OrderDetails order() {
        return new OrderDetails("alice", List.of(new OrderedItem("KEYBOARD-01", 2, new BigDecimal("49.90"))),
                new BigDecimal("104.79"), new DeliveryAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
