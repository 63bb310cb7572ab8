package io.microplatform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.Topics;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Written the way a participant's listener is meant to be written: one listener per topic, a handler per type. */
@Component
@KafkaListener(topics = Topics.INVENTORY_COMMANDS)
class InventoryCommandsListener {

    private final Duplicates duplicates;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Tracer tracer;
    private final CausalHistory causalHistory;
    private final Map<UUID, String> traceIds = new ConcurrentHashMap<>();
    private final Map<UUID, String> orderIdsLogged = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> releaseAttempts = new ConcurrentHashMap<>();

    InventoryCommandsListener(Duplicates duplicates, Outbox outbox, JdbcClient jdbc, Tracer tracer,
            CausalHistory causalHistory) {
        this.duplicates = duplicates;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tracer = tracer;
        this.causalHistory = causalHistory;
    }

    /**
     * Effect and reply commit together, or not at all. The effect's key finds a redelivery: it applies nothing and is
     * answered again (the first reply may be the message that got lost). Here the key is the command's id, so that
     * these tests can send an order several commands; a real participant keys by order (one reservation each).
     */
    @KafkaHandler
    @Transactional
    public void reserve(ReserveStock command) {
        Span span = tracer.currentSpan();
        traceIds.put(command.messageId(), span == null ? "none" : span.context().traceId());
        orderIdsLogged.put(command.messageId(), String.valueOf(MDC.get("orderId")));
        int reserved = jdbc.sql("INSERT INTO reservations (message_id, order_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(command.messageId(), command.orderId())
                .update();
        if (reserved == 0) {
            duplicates.skipped("inventory.reserve-stock", command.orderId());
        } else {
            causalHistory.record(command.orderId(), "inventory.reserved");
        }
        outbox.send(Topics.SAGA_REPLIES, command.orderId(),
                new StockReserved(UUID.randomUUID(), command.orderId(), command.messageId()));
    }

    /** Stands for a handler with a bug: it throws on every delivery. */
    @KafkaHandler
    public void release(ReleaseStock command) {
        releaseAttempts.merge(command.messageId(), 1, Integer::sum);
        throw new IllegalStateException("simulated bug while releasing stock of order " + command.orderId());
    }

    String traceIdSeenBy(UUID messageId) {
        return traceIds.get(messageId);
    }

    /** The order id in the MDC (service-support's interceptor) while the handler ran. */
    String orderIdLoggedBy(UUID messageId) {
        return orderIdsLogged.get(messageId);
    }

    int releaseAttempts(UUID messageId) {
        return releaseAttempts.getOrDefault(messageId, 0);
    }
}
