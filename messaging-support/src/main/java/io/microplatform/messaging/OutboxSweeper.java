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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes what the immediate relay did not: rows committed just before a crash, rows whose send failed, rows the
 * relay dropped. Runs on its own thread (a service's own @Scheduled tasks are not delayed by a broker outage), first
 * right at start-up, then with a fixed delay. Also trims published rows, old processed-message ids
 * and, with the same retention, old vector clocks and causal effects.
 */
final class OutboxSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    private static final int DELETE_LIMIT = 1000;

    private final TransactionOperations transactions;
    private final OutboxTable table;
    private final OutboxRelay relay;
    private final ProcessedMessages processed;
    private final CausalClocks clocks;
    private final MessagingMetrics metrics;
    private final MessagingProperties properties;
    private volatile ScheduledExecutorService scheduler;

    OutboxSweeper(TransactionOperations transactions, OutboxTable table, OutboxRelay relay,
            ProcessedMessages processed, CausalClocks clocks, MessagingMetrics metrics, MessagingProperties properties) {
        this.transactions = transactions;
        this.table = table;
        this.relay = relay;
        this.processed = processed;
        this.clocks = clocks;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Runs one sweep; returns the number of messages it published. Several may run at once, also across JVMs. */
    int sweep() {
        Integer published = transactions.execute(status -> publishDue());
        table.deletePublishedBefore(properties.outbox().retention(), DELETE_LIMIT);
        processed.forgetOlderThan(properties.consumer().processedRetention(), DELETE_LIMIT);
        clocks.forgetOlderThan(properties.consumer().processedRetention(), DELETE_LIMIT);
        metrics.pending(table.pendingStats());
        return published == null ? 0 : published;
    }

    /** Sends the due rows while holding their row locks, and marks them in the same transaction. */
    private int publishDue() {
        MessagingProperties.Outbox outbox = properties.outbox();
        Map<OutboxRecord, CompletableFuture<?>> sends = new LinkedHashMap<>();
        for (OutboxRecord record : table.lockDue(outbox.gracePeriod(), outbox.batchSize())) {
            CompletableFuture<?> send = sendQuietly(record);
            sends.put(record, send);
            if (timedOut(send)) {
                // send() waited max.block.ms for metadata: the broker is away, so do not wait that long per row;
                // other failures (a record too large, say) concern one row only and must not stop the others
                break;
            }
        }
        long deadline = System.nanoTime() + outbox.sendTimeout().toNanos();
        List<Long> published = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        sends.forEach((record, send) -> {
            if (acknowledged(record, send, deadline)) {
                published.add(record.id());
                metrics.published(record.topic(), record.createdAt());
            }
            else {
                failed.add(record.id());
                metrics.publishFailed(record.topic());
            }
        });
        table.markPublished(published);
        table.countFailedAttempts(failed);
        return published.size();
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

    private static boolean acknowledged(OutboxRecord record, CompletableFuture<?> send, long deadline) {
        try {
            send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (ExecutionException | TimeoutException e) {
            log.warn("Sweep could not publish outbox message {} to {}: {}", record.id(), record.topic(),
                    e instanceof ExecutionException ? e.getCause().toString() : "no acknowledgement in time");
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

    @Override
    public void start() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("outbox-sweeper-");
        threads.setDaemon(true);
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(threads);
        Duration interval = properties.outbox().sweepInterval();
        started.scheduleWithFixedDelay(this::sweepQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
