package io.microplatform.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.microplatform.contracts.VectorClock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The vector clock of the record this listener thread is handling (header {@value VectorClock#HEADER}), for the
 * transaction the listener opens ({@link CausalClocks}). The container calls intercept and afterRecord on the
 * consumer thread around every delivery of a record, so the clock never outlives its record.
 *
 * <p>Boot applies a RecordInterceptor bean only when it is the only one: service-support composes this one with its
 * order id interceptor; a service without service-support that has a RecordInterceptor of its own must compose them.
 */
final class ReceivedClocks implements RecordInterceptor<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ReceivedClocks.class);

    private final ThreadLocal<Received> handling = new ThreadLocal<>();

    /**
     * The clock received with the record this thread is handling, when that record is keyed by {@code orderId}:
     * record keys are order ids, and a clock of one order must never leak into another's.
     */
    VectorClock receivedFor(UUID orderId) {
        Received received = handling.get();
        return received != null && orderId.toString().equals(received.key()) ? received.clock() : VectorClock.EMPTY;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
            Consumer<Object, Object> consumer) {
        handling.remove();
        Header header = record.headers().lastHeader(VectorClock.HEADER);
        if (header != null && header.value() != null && record.key() != null) {
            String text = new String(header.value(), UTF_8);
            try {
                handling.set(new Received(record.key().toString(), VectorClock.parse(text)));
            }
            catch (IllegalArgumentException e) {
                // the message itself is fine; only what it says about causality is lost, so it is handled anyway
                log.warn("Ignoring the unreadable {} header '{}' of {}-{}@{}: {}", VectorClock.HEADER, text,
                        record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        handling.remove();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        handling.remove();
    }

    private record Received(String key, VectorClock clock) {
    }
}
