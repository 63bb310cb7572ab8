package io.microplatform.messaging;

import static io.microplatform.testsupport.TopicTail.header;
import static io.microplatform.testsupport.TopicTail.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.OrderConfirmed;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.Topics;
import io.microplatform.contracts.VectorClock;
import io.microplatform.testsupport.TopicTail;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@MessagingIntegrationTest
class OutboxIT {

    private static final String TRACE_PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxSweeper sweeper;
    @Autowired
    MessageJson json;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tracer tracer;
    @Autowired
    InventoryCommandsListener listener;
    @Autowired
    MeterRegistry meters;

    @RegisterExtension
    final TopicTail orderEvents = TopicTail.eachTest(Topics.ORDER_EVENTS);

    @Test
    void publishesRightAfterCommitWithTheOrderIdAsKeyAndTheLogicalTypeInTheJson() {
        double published = publishedCount();
        OrderPlaced placed = placed(UUID.randomUUID());
        // with the sweeper stopped, only the relay that runs right after the commit can publish it
        sweeper.stop();
        try {
            transaction.executeWithoutResult(status -> outbox.send(Topics.ORDER_EVENTS, placed.orderId(), placed));

            await().atMost(Duration.ofSeconds(10)).until(() -> orderEvents.received(carrying(placed.messageId())));
        }
        finally {
            sweeper.start();
        }
        ConsumerRecord<String, byte[]> record = orderEvents.first(carrying(placed.messageId()));
        assertThat(record.key()).isEqualTo(placed.orderId().toString());
        assertThat(value(record))
                .contains("\"type\":\"order.OrderPlaced\"")
                .contains("\"unitPrice\":49.90")
                .doesNotContain("io.microplatform");
        assertThat(header(record, MessagingHeaders.TYPE)).isEqualTo("order.OrderPlaced");
        // sent outside any listener: the order's clock is this service's first tick for it
        assertThat(header(record, VectorClock.HEADER)).isEqualTo("messaging-support-it=1");
        assertThat(record.headers().headers("__TypeId__")).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> publishedAt(placed.messageId()) != null);
        assertThat(publishedCount()).isGreaterThanOrEqualTo(published + 1);
    }

    @Test
    void neverPublishesAMessageWhoseTransactionRolledBack() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced rolledBack = placed(orderId);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.send(Topics.ORDER_EVENTS, orderId, rolledBack);
            throw new IllegalStateException("the business change failed");
        })).hasMessage("the business change failed");

        // same key, so the same partition: once this one is there, the rolled-back one would have been before it
        OrderConfirmed committed = new OrderConfirmed(UUID.randomUUID(), orderId, UUID.randomUUID());
        transaction.executeWithoutResult(status -> outbox.send(Topics.ORDER_EVENTS, orderId, committed));
        sweeper.sweep();

        await().atMost(Duration.ofSeconds(10)).until(() -> orderEvents.received(carrying(committed.messageId())));
        assertThat(orderEvents.poll()).noneMatch(carrying(rolledBack.messageId()));
        assertThat(rowsCarrying(rolledBack.messageId())).isZero();
    }

    @Test
    void neverPublishesAMessageWhoseNestedTransactionRolledBackWhileTheOuterCommitted() {
        UUID orderId = UUID.randomUUID();
        OrderPlaced undone = placed(orderId);
        OrderConfirmed kept = new OrderConfirmed(UUID.randomUUID(), orderId, UUID.randomUUID());

        SavepointRollback.commitWithoutTheFailedStep(transaction,
                () -> outbox.send(Topics.ORDER_EVENTS, orderId, undone),
                () -> outbox.send(Topics.ORDER_EVENTS, orderId, kept));

        await().atMost(Duration.ofSeconds(10)).until(() -> orderEvents.received(carrying(kept.messageId())));
        assertThat(orderEvents.poll()).noneMatch(carrying(undone.messageId()));
        assertThat(rowsCarrying(undone.messageId())).isZero();
    }

    @Test
    void sweepPublishesARowCommittedButNeverSentAsIfTheProcessDiedInBetween() {
        OrderPlaced stranded = placed(UUID.randomUUID());
        insertStrandedRow(stranded);

        // (the scheduled sweep may get there first: then this one finds the row locked or published)
        sweeper.sweep();

        await().atMost(Duration.ofSeconds(10)).until(() -> orderEvents.received(carrying(stranded.messageId())));
        ConsumerRecord<String, byte[]> record = orderEvents.first(carrying(stranded.messageId()));
        assertThat(record.key()).isEqualTo(stranded.orderId().toString());
        // the trace of the request that committed it, even though that request is long gone
        assertThat(header(record, MessagingHeaders.TRACE_PARENT)).startsWith(TRACE_PARENT.substring(0, 36));
        // written before vector clocks existed: sent without the header
        assertThat(header(record, VectorClock.HEADER)).isNull();
        assertThat(publishedAt(stranded.messageId())).isNotNull();
        assertThat(meters.get("outbox.pending").gauge().value()).isNotNegative();
        assertThat(meters.get("outbox.oldest.pending.age").gauge().value()).isNotNegative();
    }

    @Test
    void housekeepingTrimsEveryPublishedRowPastTheRetentionNotJustOneBatch() {
        // messaging.outbox.retention is one hour; 2,500 rows are more than two of housekeeping's batches
        jdbc.sql("""
                INSERT INTO outbox_messages (topic, message_key, message_type, payload, created_at, published_at)
                SELECT 'housekeeping.test', gen_random_uuid(), 'Test', '{}', clock_timestamp() - interval '2 hours',
                       clock_timestamp() - interval '2 hours'
                FROM generate_series(1, 2500)""").update();
        UUID recent = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outbox_messages (topic, message_key, message_type, payload, published_at)
                VALUES ('housekeeping.test', ?, 'Test', '{}', clock_timestamp())""").param(recent).update();

        sweeper.tidy();

        assertThat(jdbc.sql("SELECT message_key FROM outbox_messages WHERE topic = 'housekeeping.test'")
                .query(UUID.class).list()).containsExactly(recent);
    }

    @Test
    void concurrentSweepsNeverSendTheSameRowTwice() throws Exception {
        List<OrderPlaced> stranded = IntStream.range(0, 30).mapToObj(i -> placed(UUID.randomUUID())).toList();
        stranded.forEach(this::insertStrandedRow);

        // two sweeps at once stand for two instances of the same service
        CountDownLatch start = new CountDownLatch(1);
        // threads of our own: the common pool may run one task at a time on 2 cores, which would serialize the sweeps
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Integer>> sweeps = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return sweeper.sweep();
                }, instances))
                .toList();
        start.countDown();
        CompletableFuture.allOf(sweeps.toArray(CompletableFuture[]::new)).get();
        instances.shutdown();

        List<String> expected = stranded.stream().map(message -> message.messageId().toString()).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> orderEvents.poll().stream()
                .filter(record -> expected.stream().anyMatch(value(record)::contains))
                .count() >= expected.size());
        orderEvents.poll();
        Map<String, Long> sends = orderEvents.poll().stream()
                .map(TopicTail::value)
                .flatMap(value -> expected.stream().filter(value::contains))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(sends).hasSize(expected.size()).allSatisfy((messageId, count) -> assertThat(count).isOne());
    }

    @Test
    void carriesTheSendersTraceToTheListener() {
        UUID orderId = UUID.randomUUID();
        ReserveStock command = new ReserveStock(UUID.randomUUID(), orderId,
                List.of(new OrderLine("KEYBOARD-01", 1, new BigDecimal("49.90"))));
        Span request = tracer.nextSpan().name("place order").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transaction.executeWithoutResult(status -> outbox.send(Topics.INVENTORY_COMMANDS, orderId, command));
        }
        finally {
            request.end();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.traceIdSeenBy(command.messageId()) != null);
        assertThat(listener.traceIdSeenBy(command.messageId())).isEqualTo(request.context().traceId());
    }

    @Test
    void refusesToSendOutsideATransaction() {
        OrderPlaced placed = placed(UUID.randomUUID());
        assertThatThrownBy(() -> outbox.send(Topics.ORDER_EVENTS, placed.orderId(), placed))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rowsCarrying(placed.messageId())).isZero();
    }

    private void insertStrandedRow(OrderPlaced message) {
        MessageJson.Encoded encoded = json.encode(message);
        jdbc.sql("""
                INSERT INTO outbox_messages (topic, message_key, message_type, payload, trace_parent, created_at)
                VALUES (?, ?, ?, ?, ?, clock_timestamp() - interval '1 minute')""")
                .params(Topics.ORDER_EVENTS, message.orderId(), encoded.type(), encoded.json(), TRACE_PARENT)
                .update();
    }

    /** How many rows were published to order events so far, by either path. */
    private double publishedCount() {
        Timer latency = meters.find("outbox.publish.latency").tag("topic", Topics.ORDER_EVENTS).timer();
        return latency == null ? 0 : latency.count();
    }

    private Object publishedAt(UUID messageId) {
        return jdbc.sql("SELECT published_at FROM outbox_messages WHERE payload LIKE ?")
                .param("%" + messageId + "%")
                .query()
                .singleValue();
    }

    private long rowsCarrying(UUID messageId) {
        return jdbc.sql("SELECT count(*) FROM outbox_messages WHERE payload LIKE ?")
                .param("%" + messageId + "%")
                .query(Long.class)
                .single();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> carrying(UUID messageId) {
        return record -> value(record).contains(messageId.toString());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrderPlaced placed(UUID orderId) {
        return new OrderPlaced(UUID.randomUUID(), orderId, "alice",
                List.of(new OrderLine("KEYBOARD-01", 2, new BigDecimal("49.90"))), new BigDecimal("4.99"),
                new BigDecimal("104.79"), new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }
}
