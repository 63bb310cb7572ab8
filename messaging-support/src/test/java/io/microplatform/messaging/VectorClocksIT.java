package io.microplatform.messaging;

import static io.microplatform.testsupport.TopicTail.header;
import static io.microplatform.testsupport.TopicTail.value;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.OrderConfirmed;
import io.microplatform.contracts.Topics;
import io.microplatform.contracts.VectorClock;
import io.microplatform.testsupport.TopicTail;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The order's vector clock: merged from the record handled, ticked once per transaction, stored, sent on. */
@MessagingIntegrationTest
class VectorClocksIT {

    /** spring.application.name of the test application: its entry in every clock. */
    private static final String SELF = "messaging-support-it";

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    Outbox outbox;
    @Autowired
    CausalHistory causalHistory;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InventoryCommandsListener listener;
    @Autowired
    OutboxSweeper sweeper;
    @Autowired
    Environment environment;

    @RegisterExtension
    final TopicTail replies = TopicTail.eachTest(Topics.SAGA_REPLIES);

    /**
     * The first message of an order: the received clock merged into none and ticked for this service, an unreadable
     * one read as none. Captured by the same record interceptors that put the order id into the logs' MDC.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            order-service=1,saga-orchestrator=2 | messaging-support-it=1,order-service=1,saga-orchestrator=2
            order-service=3                     | messaging-support-it=1,order-service=3
            order-service=one                   | messaging-support-it=1
            """)
    void recordsTheEffectWithTheReceivedClockMergedAndTickedAndSendsThatClockWithTheReply(String received,
            String expected) throws Exception {
        UUID orderId = UUID.randomUUID();
        ReserveStock command = reserveStock(orderId);

        receive(command, received);

        await().atMost(Duration.ofSeconds(15)).until(() -> effectClocks(orderId).size() == 1);
        assertThat(effectClocks(orderId)).containsExactly(expected);
        assertThat(storedClock(orderId)).isEqualTo(expected);
        assertThat(header(reply(command), VectorClock.HEADER)).isEqualTo(expected);
        assertThat(listener.orderIdLoggedBy(command.messageId())).as("service-support's MDC").isEqualTo(orderId.toString());
    }

    @Test
    void ticksAgainForTheNextMessageOfTheSameOrderAndKeepsOrdersApart() throws Exception {
        UUID orderId = UUID.randomUUID();
        UUID otherOrderId = UUID.randomUUID();
        ReserveStock first = reserveStock(orderId);
        ReserveStock second = reserveStock(orderId);
        ReserveStock other = reserveStock(otherOrderId);

        receive(first, "order-service=1,saga-orchestrator=2");
        receive(other, "saga-orchestrator=1");
        await().atMost(Duration.ofSeconds(15)).until(() -> effectClocks(orderId).size() == 1);
        receive(second, "order-service=1,saga-orchestrator=4");

        await().atMost(Duration.ofSeconds(15)).until(() -> effectClocks(orderId).size() == 2);
        assertThat(effectClocks(orderId)).containsExactly(SELF + "=1,order-service=1,saga-orchestrator=2",
                SELF + "=2,order-service=1,saga-orchestrator=4");
        assertThat(header(reply(second), VectorClock.HEADER)).isEqualTo(SELF + "=2,order-service=1,saga-orchestrator=4");
        await().atMost(Duration.ofSeconds(15)).until(() -> effectClocks(otherOrderId).size() == 1);
        assertThat(effectClocks(otherOrderId)).containsExactly(SELF + "=1,saga-orchestrator=1");
    }

    @Test
    void usesOneClockPerOrderForEveryEffectAndMessageOfATransaction() {
        UUID orderId = UUID.randomUUID();
        OrderConfirmed confirmed = new OrderConfirmed(UUID.randomUUID(), orderId, UUID.randomUUID());

        transaction.executeWithoutResult(status -> {
            causalHistory.record(orderId, "order.placed");
            outbox.send(Topics.ORDER_EVENTS, orderId, confirmed);
            causalHistory.record(orderId, "order.confirmed");
        });

        assertThat(effectClocks(orderId)).containsExactly(SELF + "=1", SELF + "=1");
        assertThat(outboxClock(confirmed.messageId())).isEqualTo(SELF + "=1");
        assertThatThrownBy(() -> causalHistory.record(orderId, "order.cancelled"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void advancesTheClockAgainWhenANestedTransactionThatAdvancedItRolledBack() {
        UUID orderId = UUID.randomUUID();

        // the stored clock is rolled back to the savepoint with the failed step's effect
        SavepointRollback.commitWithoutTheFailedStep(transaction,
                () -> causalHistory.record(orderId, "inventory.reserved"),
                () -> causalHistory.record(orderId, "inventory.refused"));

        assertThat(effectClocks(orderId)).containsExactly(SELF + "=1");
        assertThat(storedClock(orderId)).as("the clock the effect carries is stored").isEqualTo(SELF + "=1");
    }

    @Test
    void continuesTheStoredClocksAfterARestart() throws Exception {
        UUID orderId = UUID.randomUUID();
        receive(reserveStock(orderId), "order-service=1,saga-orchestrator=2");
        await().atMost(Duration.ofSeconds(15)).until(() -> effectClocks(orderId).size() == 1);

        OrderConfirmed confirmed = new OrderConfirmed(UUID.randomUUID(), orderId, UUID.randomUUID());
        try (ConfigurableApplicationContext restarted = restart()) {
            restarted.getBean(TransactionTemplate.class).executeWithoutResult(
                    status -> restarted.getBean(Outbox.class).send(Topics.ORDER_EVENTS, orderId, confirmed));
        }

        assertThat(outboxClock(confirmed.messageId())).isEqualTo(SELF + "=2,order-service=1,saga-orchestrator=2");
    }

    @Test
    void housekeepingForgetsClocksAndEffectsOlderThanTheProcessedMessageRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID orderId : List.of(old, recent)) {
            transaction.executeWithoutResult(status -> causalHistory.record(orderId, "inventory.reserved"));
        }
        // messaging.consumer.processed-retention is 14 days
        jdbc.sql("UPDATE causal_clocks SET updated_at = clock_timestamp() - interval '15 days' WHERE order_id = ?")
                .param(old).update();
        jdbc.sql("UPDATE causal_effects SET recorded_at = clock_timestamp() - interval '15 days' WHERE order_id = ?")
                .param(old).update();

        sweeper.tidy();

        assertThat(storedClock(old)).isNull();
        assertThat(effectClocks(old)).isEmpty();
        assertThat(storedClock(recent)).isEqualTo(SELF + "=1");
        assertThat(effectClocks(recent)).containsExactly(SELF + "=1");
    }

    /** A second instance of the application on the same database and broker, with no listeners running. */
    private ConfigurableApplicationContext restart() {
        return new SpringApplicationBuilder(MessagingTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "spring.kafka.listener.auto-startup=false")
                .run();
    }

    private void receive(ReserveStock command, String clock) throws Exception {
        ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.INVENTORY_COMMANDS,
                command.orderId().toString(), command);
        record.headers().add(VectorClock.HEADER, clock.getBytes(UTF_8));
        kafka.send(record).get();
    }

    private ConsumerRecord<String, byte[]> reply(ReserveStock command) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> replies.received(record -> value(record).contains(command.messageId().toString())));
        return replies.first(record -> value(record).contains(command.messageId().toString()));
    }

    private List<String> effectClocks(UUID orderId) {
        return jdbc.sql("SELECT clock FROM causal_effects WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query(String.class)
                .list();
    }

    private String storedClock(UUID orderId) {
        return jdbc.sql("SELECT clock FROM causal_clocks WHERE order_id = ?")
                .param(orderId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String outboxClock(UUID messageId) {
        return jdbc.sql("SELECT vector_clock FROM outbox_messages WHERE payload LIKE ?")
                .param("%" + messageId + "%")
                .query(String.class)
                .single();
    }

    private static ReserveStock reserveStock(UUID orderId) {
        return new ReserveStock(UUID.randomUUID(), orderId,
                List.of(new OrderLine("KEYBOARD-01", 1, new BigDecimal("49.90"))));
    }
}
