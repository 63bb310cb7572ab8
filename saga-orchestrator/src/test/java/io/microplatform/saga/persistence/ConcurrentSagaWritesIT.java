package io.microplatform.saga.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.microplatform.saga.SagaIntegrationTest;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.DeliveryAddress;
import io.microplatform.saga.domain.OrderDetails;
import io.microplatform.saga.domain.OrderedItem;
import io.microplatform.saga.domain.OutgoingCommand;
import io.microplatform.saga.domain.ReceivedReply;
import io.microplatform.saga.domain.RetryPolicy;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaRepository;
import io.microplatform.saga.domain.SagaState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** Two writers of one saga at once (a reply and the deadline, say): the version column lets only the first commit. */
@SagaIntegrationTest
class ConcurrentSagaWritesIT {

    @Autowired
    private SagaRepository sagas;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private RetryPolicy policy;

    @Test
    void theSecondOfTwoConcurrentWritersFailsAndChangesNothing() throws Exception {
        UUID orderId = UUID.randomUUID();
        // a day ahead, so the running orchestrator's sweeper finds nothing due on this saga during the test
        Instant started = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        OutgoingCommand reserve = transaction.execute(status ->
                sagas.add(Saga.start(orderId, order(), policy, started)).outstandingCommand().orElseThrow());
        CountDownLatch bothLoaded = new CountDownLatch(2);
        // two threads of our own: the common pool may run one task at a time on 2 cores (JDK 25), and they wait on each other
        ExecutorService writers = Executors.newFixedThreadPool(2);

        CompletableFuture<Void> reply = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            Saga saga = sagas.ofOrder(orderId).orElseThrow();
            countDownAndWait(bothLoaded);
            saga.replied(new ReceivedReply(orderId, reserve.commandId(), SagaCommand.RESERVE_STOCK, false,
                    "inventory.StockUnavailable"), policy, started.plusMillis(10));
        }), writers);
        CompletableFuture<Void> deadline = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            Saga saga = sagas.ofOrder(orderId).orElseThrow();
            countDownAndWait(bothLoaded);
            // both read version 0; this one writes after the reply committed
            reply.join();
            saga.deadlinePassed(policy, started.plusSeconds(3600));
        }), writers);

        reply.get(10, TimeUnit.SECONDS);
        assertThat(deadline).failsWithin(10, TimeUnit.SECONDS).withThrowableThat()
                .withCauseInstanceOf(ObjectOptimisticLockingFailureException.class);
        writers.shutdown();
        Saga stored = transaction.execute(status -> {
            Saga saga = sagas.ofOrder(orderId).orElseThrow();
            saga.steps();
            return saga;
        });
        assertThat(stored.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(stored.version()).isOne();
        assertThat(stored.steps()).extracting(step -> step.attempts()).containsExactly(1, 1);

        // finish it, so it does not time out during other tests
        transaction.executeWithoutResult(status -> {
            Saga saga = sagas.ofOrder(orderId).orElseThrow();
            saga.replied(new ReceivedReply(orderId, saga.outstandingCommand().orElseThrow().commandId(),
                    SagaCommand.CANCEL_ORDER, true, "order.OrderCancelled"), policy, started.plusMillis(20));
        });
    }

    private static void countDownAndWait(CountDownLatch latch) {
        latch.countDown();
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OrderDetails order() {
        return new OrderDetails("alice", List.of(new OrderedItem("KEYBOARD-01", 2, new BigDecimal("49.90"))),
                new BigDecimal("104.79"), new DeliveryAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }
}
