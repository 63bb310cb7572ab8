package io.microplatform.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Writes what the broker answered to the relay's sends: acknowledged rows marked published (in batches), refused
 * ones counted and, after messaging.outbox.max-attempts refusals, parked. Nothing is dropped: an answer the database
 * does not take (it is restarting) is kept and written again with back-off, so an acknowledged row is never sent a
 * second time for want of its mark. What waits here is bounded by what was in flight, because rows are only sent
 * once committed.
 *
 * <p>Answers arrive on the producer's I/O thread, which must never wait for the database: they are queued and
 * written by a thread of their own.
 */
final class SendOutcomes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);
    private static final int BATCH = 500;
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    /**
     * An acknowledgement waits this long for others before it is written: one UPDATE then marks every message sent
     * meanwhile instead of one transaction per message. Far below the sweep's grace period (2 s by default), so the
     * sweep does not take over a row whose mark is waiting here.
     */
    private static final Duration COALESCE_ACKNOWLEDGEMENTS = Duration.ofMillis(100);

    private final OutboxTable table;
    private final int maxAttempts;
    private final Queue<Outcome> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ScheduledExecutorService writer;
    /** Only touched by the writer thread. */
    private int failedWrites;

    SendOutcomes(OutboxTable table, int maxAttempts) {
        this.table = table;
        this.maxAttempts = maxAttempts;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("outbox-outcomes-");
        threads.setDaemon(true);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
        // a retry waiting for the database is not waited for on shutdown: destroy() writes once more itself
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.writer = executor;
    }

    void published(OutboxRecord record) {
        waiting.add(new Outcome(record, null));
        flushAfter(COALESCE_ACKNOWLEDGEMENTS.toMillis());
    }

    void failed(OutboxRecord record, Throwable failure) {
        waiting.add(new Outcome(record, failure));
        flushAfter(0);
    }

    /** At most one flush is scheduled at a time; one that finds more waiting schedules the next. */
    private void flushAfter(long millis) {
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::flush, millis, TimeUnit.MILLISECONDS);
            }
            catch (RejectedExecutionException stopping) {
                flushScheduled.set(false);
            }
        }
    }

    private void flush() {
        // cleared before draining: an outcome queued from now on schedules a flush of its own
        flushScheduled.set(false);
        Deque<Outcome> batch = new ArrayDeque<>();
        for (Outcome next; batch.size() < BATCH && (next = waiting.poll()) != null;) {
            batch.add(next);
        }
        try {
            write(batch);
            failedWrites = 0;
            if (!waiting.isEmpty()) {
                flushAfter(0);
            }
        }
        catch (RuntimeException e) {
            waiting.addAll(batch);
            long delay = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failedWrites++, 10));
            log.warn("Could not record the broker's answer for {} outbox message(s), retrying in {} ms: {}",
                    waiting.size(), delay, e.toString());
            flushAfter(delay);
        }
    }

    /** Removes from {@code batch} what it wrote, so a failure leaves exactly what is still to be written. */
    private void write(Deque<Outcome> batch) {
        List<Long> published = batch.stream().filter(Outcome::acknowledged).map(outcome -> outcome.record().id()).toList();
        table.markPublished(published);
        batch.removeIf(Outcome::acknowledged);
        for (Iterator<Outcome> failures = batch.iterator(); failures.hasNext();) {
            Outcome outcome = failures.next();
            writeFailure(outcome.record(), outcome.failure());
            failures.remove();
        }
    }

    /**
     * Counts a failed send of the row in the caller's transaction, if any; parks it (and says so at ERROR) when the
     * broker refused the record itself for the max-attempts'th time. An unreachable broker only counts the attempt.
     */
    void writeFailure(OutboxRecord record, Throwable failure) {
        boolean refused = Failures.refusedTheRecord(failure);
        String error = Failures.describe(failure);
        if (table.recordFailure(record.id(), error, refused, maxAttempts)) {
            log.error("Parked outbox message {} ({} to {}, key {}) after the broker refused it {} times: {}. It is never "
                    + "sent again; once the cause is fixed, UPDATE outbox_messages SET parked_at = NULL, refusals = 0 "
                    + "WHERE id = {} sends it", record.id(), record.type(), record.topic(), record.key(), maxAttempts,
                    error, record.id());
        }
    }

    /** Writes what is still waiting, once, before the application context closes. */
    @Override
    public void destroy() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
        if (!waiting.isEmpty()) {
            Deque<Outcome> rest = new ArrayDeque<>(waiting);
            try {
                write(rest);
            }
            catch (RuntimeException e) {
                log.warn("Could not record the broker's answer for {} outbox message(s) before stopping; the sweep "
                        + "of the next start sends them again: {}", rest.size(), e.toString());
            }
        }
    }

    private record Outcome(OutboxRecord record, Throwable failure) {

        boolean acknowledged() {
            return failure == null;
        }
    }
}
