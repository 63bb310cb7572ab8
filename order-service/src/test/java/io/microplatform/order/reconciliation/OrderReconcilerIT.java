package io.microplatform.order.reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.contracts.Topics;
import io.microplatform.order.OrderManagement;
import io.microplatform.order.OrderServiceIntegrationTest;
import io.microplatform.order.PlacedOrders;
import io.microplatform.order.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler against real PostgreSQL and Kafka, with no orchestrator: every order stays PENDING, as one whose
 * OrderPlaced never became a saga does. The shared test configuration sets the limits to 1 h and 2 h; a test makes
 * its order that old by moving the order's timestamps back, and the scheduled reconciler (every 500 ms) takes it.
 */
@OrderServiceIntegrationTest
class OrderReconcilerIT {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private OrderReconciler reconciler;
    @Autowired
    private OrderManagement orders;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    private TopicReader orderEvents;

    @BeforeEach
    void openOrderEvents() {
        orderEvents = new TopicReader(bootstrapServers, Topics.ORDER_EVENTS);
    }

    @AfterEach
    void closeOrderEvents() {
        orderEvents.close();
    }

    @Test
    void announcesAPendingOrderAgainOncePerIntervalWithTheSameContent() {
        UUID orderId = placeOrder();
        TopicReader.Received placed = awaitEvents(orderId, 1).get(0);
        double before = counter("orders.reconciliation.reannounced");

        moveBack(orderId, "created_at", Duration.ofMinutes(61));

        List<TopicReader.Received> events = awaitEvents(orderId, 2);
        assertThat(events).extracting(TopicReader.Received::type).containsExactly("order.OrderPlaced", "order.OrderPlaced");
        TopicReader.Received again = events.get(1);
        assertThat(again.value().path("messageId")).isNotEqualTo(placed.value().path("messageId"));
        assertThat(without(again, "messageId")).isEqualTo(without(placed, "messageId"));
        assertThat(counter("orders.reconciliation.reannounced")).isGreaterThanOrEqualTo(before + 1);

        // within the interval it is due no more, however often the reconciler runs
        reconciler.reconcile();
        reconciler.reconcile();
        assertThat(outboxRows(orderId, "order.OrderPlaced")).isEqualTo(2);

        // an interval later it is announced again: the saga may still be missing
        moveBack(orderId, "announced_at", Duration.ofMinutes(61));
        assertThat(awaitEvents(orderId, 3)).extracting(TopicReader.Received::type).containsOnly("order.OrderPlaced");
        // announcing is no effect on the order: its causal history holds the placement only
        assertThat(jdbc.sql("SELECT effect FROM causal_effects WHERE order_id = ?").param(orderId)
                .query(String.class).list()).containsExactly("order.placed");
        assertThat(status(orderId)).isEqualTo("PENDING");
    }

    @Test
    void reportsAnOrderPendingPastItsLimitStalledOnceAndAnnouncesItNoMore() {
        UUID orderId = placeOrder();
        awaitEvents(orderId, 1);
        double before = counter("orders.reconciliation.stalled");

        // placed over 2 h ago, announced just now: due for a stall report, not for another announcement
        jdbc.sql("UPDATE orders SET created_at = created_at - interval '121 minutes', announced_at = now() WHERE id = ?")
                .param(orderId).update();

        List<TopicReader.Received> events = awaitEvents(orderId, 2);
        assertThat(events).extracting(TopicReader.Received::type).containsExactly("order.OrderPlaced", "order.OrderStalled");
        assertThat(events.get(1).value().path("orderId").asText()).isEqualTo(orderId.toString());
        assertThat(counter("orders.reconciliation.stalled")).isGreaterThanOrEqualTo(before + 1);

        // once: neither reported again nor announced again, however long it stays PENDING
        moveBack(orderId, "announced_at", Duration.ofMinutes(61));
        reconciler.reconcile();
        reconciler.reconcile();
        assertThat(outboxRows(orderId, "order.OrderStalled")).isOne();
        assertThat(outboxRows(orderId, "order.OrderPlaced")).isOne();
        assertThat(jdbc.sql("SELECT stalled_at IS NOT NULL FROM orders WHERE id = ?").param(orderId)
                .query(Boolean.class).single()).isTrue();
        // the gauge the alert OrderPendingTooLong watches: this order is over two hours old
        assertThat(meters.get("orders.pending.oldest.age").gauge().value()).isGreaterThan(2 * 3600);
    }

    /**
     * While the order's OrderPlaced still waits in the outbox (the broker is away), the saga cannot have started: the
     * order is neither announced again nor reported stalled, however old. Once the row is out, it is.
     */
    @Test
    void leavesAnOrderAloneWhileItsOrderPlacedStillWaitsInTheOutbox() {
        UUID orderId = placeOrder();
        awaitEvents(orderId, 1);
        jdbc.sql("UPDATE outbox_messages SET published_at = NULL, created_at = now() + interval '1 hour' WHERE message_key = ?")
                .param(orderId).update();
        moveBack(orderId, "created_at", Duration.ofMinutes(121));

        reconciler.reconcile();
        reconciler.reconcile();

        assertThat(outboxRows(orderId, "order.OrderPlaced")).isOne();
        assertThat(outboxRows(orderId, "order.OrderStalled")).isZero();
        jdbc.sql("UPDATE outbox_messages SET published_at = now() WHERE message_key = ?").param(orderId).update();
        assertThat(awaitEvents(orderId, 2)).extracting(TopicReader.Received::type).last().isEqualTo("order.OrderStalled");
    }

    /** Several instances reconciling at once: the row lock lets exactly one of them announce the order. */
    @Test
    void announcesAnOrderOnceWhenSeveralInstancesReconcileItAtTheSameTime() {
        UUID orderId = placeOrder();
        awaitEvents(orderId, 1);
        // due for callers that announce what is older than a minute; the scheduled reconciler waits for an hour
        moveBack(orderId, "created_at", Duration.ofMinutes(2));
        Instant before = Instant.now().minus(Duration.ofMinutes(1));

        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Boolean>> claims = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> orders.announceAgain(orderId, before), instances))
                    .toList();
            assertThat(claims.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count()).isOne();
        }
        finally {
            instances.shutdown();
        }
        assertThat(outboxRows(orderId, "order.OrderPlaced")).isEqualTo(2);
    }

    private UUID placeOrder() {
        return PlacedOrders.place(http, "it-" + UUID.randomUUID());
    }

    /** The order as if that column's moment had come {@code by} earlier. */
    private void moveBack(UUID orderId, String column, Duration by) {
        jdbc.sql("UPDATE orders SET " + column + " = " + column + " - :millis * interval '1 millisecond' WHERE id = :id")
                .param("millis", by.toMillis())
                .param("id", orderId)
                .update();
    }

    private List<TopicReader.Received> awaitEvents(UUID orderId, int count) {
        return await().atMost(KAFKA_WAIT).pollInSameThread()
                .until(() -> orderEvents.withKey(orderId), events -> events.size() >= count);
    }

    private static JsonNode without(TopicReader.Received event, String field) {
        ObjectNode copy = event.value().deepCopy();
        copy.remove(field);
        return copy;
    }

    private long outboxRows(UUID orderId, String type) {
        return jdbc.sql("SELECT count(*) FROM outbox_messages WHERE message_key = ? AND message_type = ?")
                .params(orderId, type).query(Long.class).single();
    }

    private String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(orderId).query(String.class).single();
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }
}
