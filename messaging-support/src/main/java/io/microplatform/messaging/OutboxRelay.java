package io.microplatform.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.microplatform.contracts.VectorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Sends committed outbox rows to Kafka; {@link SendOutcomes} records the broker's answers.
 *
 * <p>The immediate path ({@link #publishSoon}) is best effort: it runs on its own thread so that a slow or absent
 * broker never blocks the thread that committed (KafkaTemplate.send can block for max.block.ms while it has no
 * metadata), and whatever it drops, fails or leaves behind is published by {@link OutboxSweeper}. Only sends are
 * dropped, never answers: those go from the producer's thread straight to {@link SendOutcomes}, not through this
 * relay's queue, so an acknowledged row is not sent again because its acknowledgement found the queue full.
 */
final class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int QUEUE_CAPACITY = 10_000;

    private final KafkaOperations<String, Object> kafka;
    private final SendOutcomes outcomes;
    private final MessagingMetrics metrics;
    private final TraceParents traceParents;
    private final Duration gracePeriod;
    private final ThreadPoolExecutor executor;

    OutboxRelay(KafkaOperations<String, Object> kafka, SendOutcomes outcomes, MessagingMetrics metrics,
            TraceParents traceParents, Duration gracePeriod) {
        this(kafka, outcomes, metrics, traceParents, gracePeriod, QUEUE_CAPACITY);
    }

    OutboxRelay(KafkaOperations<String, Object> kafka, SendOutcomes outcomes, MessagingMetrics metrics,
            TraceParents traceParents, Duration gracePeriod, int queueCapacity) {
        this.kafka = kafka;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.traceParents = traceParents;
        this.gracePeriod = gracePeriod;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("outbox-relay-");
        threads.setDaemon(true);
        // one thread is plenty: send() only appends to the producer's buffer; a full queue means the broker is not
        // keeping up, and then the rows are left to the sweep rather than piling up in memory
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
                threads, new ThreadPoolExecutor.DiscardPolicy());
    }

    void publishSoon(OutboxRecord record, Instant committedAt) {
        executor.execute(() -> publishNow(record, committedAt));
    }

    private void publishNow(OutboxRecord record, Instant committedAt) {
        if (Duration.between(committedAt, Instant.now()).compareTo(gracePeriod) >= 0) {
            // the relay fell this far behind: the sweep may be sending the row already, sending it too would only
            // add a duplicate
            return;
        }
        try {
            // on the producer's I/O thread: SendOutcomes only queues, it never waits for the database here
            send(record).whenComplete((result, failure) -> answered(record, committedAt, failure));
        }
        catch (RuntimeException e) {
            answered(record, committedAt, e);
        }
    }

    CompletableFuture<SendResult<String, Object>> send(OutboxRecord record) {
        ProducerRecord<String, Object> message = new ProducerRecord<>(record.topic(), null, record.key().toString(),
                record.payload().getBytes(UTF_8));
        message.headers().add(MessagingHeaders.TYPE, record.type().getBytes(UTF_8));
        if (record.traceParent() != null) {
            message.headers().add(MessagingHeaders.TRACE_PARENT, record.traceParent().getBytes(UTF_8));
        }
        if (record.vectorClock() != null && !record.vectorClock().isEmpty()) {
            message.headers().add(VectorClock.HEADER, record.vectorClock().getBytes(UTF_8));
        }
        return traceParents.continuing(record.traceParent(), () -> kafka.send(message));
    }

    private void answered(OutboxRecord record, Instant committedAt, Throwable failure) {
        if (failure == null) {
            metrics.published(record.topic(), committedAt);
            outcomes.published(record);
        }
        else {
            log.warn("Could not publish outbox message {} to {}, the sweep will retry: {}", record.id(),
                    record.topic(), Failures.describe(failure));
            metrics.publishFailed(record.topic());
            outcomes.failed(record, failure);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
