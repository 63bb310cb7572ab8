package io.microplatform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes what the immediate relay did not: rows committed just before a crash, rows whose send failed, rows the
 * relay dropped. Runs on its own thread (a service's own @Scheduled tasks are not delayed by a broker outage), first
 * right at start-up, then with a fixed delay. Less often, on the same thread, it also trims published rows and, with
 * messaging.consumer.processed-retention, old vector clocks and causal effects, and refreshes the pending gauges.
 */
final class OutboxSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final int DELETE_LIMIT = 1000;
    private static final int DELETE_ROUNDS = 20;

    private final TransactionOperations transactions;
    private final OutboxTable table;
    private final OutboxRelay relay;
    private final SendOutcomes outcomes;
    private final CausalClocks clocks;
    private final MessagingMetrics metrics;
    private final MessagingProperties properties;
    private volatile ScheduledExecutorService scheduler;

    OutboxSweeper(TransactionOperations transactions, OutboxTable table, OutboxRelay relay, SendOutcomes outcomes,
            CausalClocks clocks, MessagingMetrics metrics, MessagingProperties properties) {
        this.transactions = transactions;
        this.table = table;
        this.relay = relay;
        this.outcomes = outcomes;
        this.clocks = clocks;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Runs one sweep; returns the number of messages it published. Several may run at once, also across JVMs. */
    int sweep() {
        List<OutboxRecord> acknowledged = new ArrayList<>();
        try {
            transactions.executeWithoutResult(status -> publishDue(acknowledged));
        }
        catch (RuntimeException e) {
            // the broker has these, but their marks were lost with the transaction (the database went away): written
            // by SendOutcomes once it is back, instead of being sent again by the next sweep
            acknowledged.forEach(outcomes::published);
            throw e;
        }
        return acknowledged.size();
    }

    /**
     * Deletes published rows past the retention and forgets old clocks, in bounded batches until less than a full
     * batch was left (at most {@value #DELETE_ROUNDS} batches, so one busy round never runs for long), then refreshes
     * the outbox.pending gauges.
     */
    void tidy() {
        repeatWhileFull(() -> table.deletePublishedBefore(properties.outbox().retention(), DELETE_LIMIT));
        repeatWhileFull(() -> clocks.forgetOlderThan(properties.consumer().processedRetention(), DELETE_LIMIT));
        metrics.pending(table.pendingStats());
    }

    /**
     * Sends the due rows while holding their row locks, and marks them in the same transaction. Sends and
     * acknowledgements together get messaging.outbox.send-timeout, so the transaction is never idle for longer.
     */
    private void publishDue(List<OutboxRecord> acknowledged) {
        MessagingProperties.Outbox outbox = properties.outbox();
        long deadline = System.nanoTime() + outbox.sendTimeout().toNanos();
        Map<OutboxRecord, CompletableFuture<?>> sends = new LinkedHashMap<>();
        for (OutboxRecord record : table.lockDue(outbox.gracePeriod(), outbox.batchSize())) {
            CompletableFuture<?> send = sendQuietly(record);
            sends.put(record, send);
            if (timedOut(send) || System.nanoTime() > deadline) {
                // send() waited max.block.ms for metadata: the broker is away, so do not wait that long per row;
                // other failures (a record too large, say) concern one row only and must not stop the others
                break;
            }
        }
        Map<OutboxRecord, Throwable> failed = new LinkedHashMap<>();
        sends.forEach((record, send) -> {
            Throwable failure = answer(send, deadline);
            if (failure == null) {
                acknowledged.add(record);
                metrics.published(record.topic(), record.createdAt());
            }
            else {
                log.warn("Sweep could not publish outbox message {} to {}: {}", record.id(), record.topic(),
                        Failures.describe(failure));
                failed.put(record, failure);
                metrics.publishFailed(record.topic());
            }
        });
        table.markPublished(acknowledged.stream().map(OutboxRecord::id).toList());
        failed.forEach(outcomes::writeFailure);
    }

    private CompletableFuture<?> sendQuietly(OutboxRecord record) {
        try {
            return relay.send(record);
        }
        catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean timedOut(CompletableFuture<?> send) {
        Throwable failure = send.handle((result, exception) -> exception).getNow(null);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Null when the broker acknowledged the send before the deadline, else why not. */
    private static Throwable answer(CompletableFuture<?> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        }
        catch (ExecutionException e) {
            return e.getCause();
        }
        catch (TimeoutException e) {
            return new TimeoutException("no acknowledgement within messaging.outbox.send-timeout");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private void sweepQuietly() {
        try {
            int published = sweep();
            if (published > 0) {
                log.info("Sweep published {} outbox message(s) the immediate relay had not", published);
            }
        }
        catch (RuntimeException e) {
            // an exception would cancel the schedule; the database or broker may be back on the next run
            log.warn("Outbox sweep failed: {}", e.toString());
        }
    }

    /** Runs a bounded delete again while it deleted a full batch, {@value #DELETE_ROUNDS} times at most. */
    private static void repeatWhileFull(IntSupplier boundedDelete) {
        for (int round = 1; round < DELETE_ROUNDS && boundedDelete.getAsInt() >= DELETE_LIMIT; round++) {
            // a full batch: there may be more
        }
    }

    private void tidyQuietly() {
        try {
            tidy();
        }
        catch (RuntimeException e) {
            log.warn("Outbox housekeeping failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("outbox-sweeper-");
        threads.setDaemon(true);
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(threads);
        Duration interval = properties.outbox().sweepInterval();
        started.scheduleWithFixedDelay(this::sweepQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        Duration housekeeping = properties.outbox().housekeepingInterval();
        started.scheduleWithFixedDelay(this::tidyQuietly, 0, housekeeping.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = scheduler;
        scheduler = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(properties.outbox().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
