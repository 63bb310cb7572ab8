package io.microplatform.order.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.ConfirmOrder;
import io.microplatform.contracts.Topics;
import io.microplatform.order.OrderServiceIntegrationTest;
import io.microplatform.order.PlacedOrders;
import io.microplatform.order.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The saga's ConfirmOrder and CancelOrder, each delivered twice, as the orchestrator sends them over Kafka. */
@OrderServiceIntegrationTest
class OrderCommandsIT {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(20);

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private KafkaTemplate<String, Object> kafka;

    @Autowired
    private JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    private TopicReader replies;

    @BeforeEach
    void openReplies() {
        replies = new TopicReader(bootstrapServers, Topics.SAGA_REPLIES);
    }

    @AfterEach
    void closeReplies() {
        replies.close();
    }

    @Test
    void confirmsOnceAndAnswersEveryDelivery() throws Exception {
        UUID orderId = placeOrder();
        ConfirmOrder confirm = new ConfirmOrder(UUID.randomUUID(), orderId);

        send(confirm);
        send(confirm);

        List<TopicReader.Received> answers = awaitReplies(orderId, confirm.messageId(), 2);
        assertThat(answers).hasSize(2).extracting(TopicReader.Received::type).containsOnly("order.OrderConfirmed");
        assertThat(answers).extracting(answer -> answer.value().path("orderId").asText()).containsOnly(orderId.toString());
        assertThat(status(orderId)).isEqualTo("CONFIRMED");
        assertThat(http.getForObject("/api/orders/" + orderId, String.class)).contains("\"reason\":null");
        assertThat(version(orderId)).as("changed once").isOne();

        // another ConfirmOrder under another message id (the orchestrator's re-sends keep theirs): found by the
        // order's status all the same, the same answer, no change
        ConfirmOrder resent = new ConfirmOrder(UUID.randomUUID(), orderId);
        send(resent);
        assertThat(awaitReplies(orderId, resent.messageId(), 1)).extracting(TopicReader.Received::type)
                .containsOnly("order.OrderConfirmed");
        assertThat(version(orderId)).isOne();
        // three deliveries, one effect
        assertThat(effects(orderId)).containsExactly("order.placed", "order.confirmed");
    }

    /**
     * Every reason the saga cancels with, including REJECTED: the orchestrator's answer to an OrderPlaced that can
     * never be a saga (it breaks the field contract).
     */
    @ParameterizedTest
    @ValueSource(strings = { "PAYMENT_DECLINED", "REJECTED" })
    void cancelsOnceWithTheSagasReasonAndAnswersEveryDelivery(String reason) throws Exception {
        UUID orderId = placeOrder();
        CancelOrder cancel = new CancelOrder(UUID.randomUUID(), orderId, reason);

        send(cancel);
        send(cancel);

        List<TopicReader.Received> answers = awaitReplies(orderId, cancel.messageId(), 2);
        assertThat(answers).hasSize(2).extracting(TopicReader.Received::type).containsOnly("order.OrderCancelled");
        assertThat(status(orderId)).isEqualTo("CANCELLED");
        assertThat(http.getForObject("/api/orders/" + orderId, String.class))
                .contains("\"status\":\"CANCELLED\"", "\"reason\":\"" + reason + "\"");
        assertThat(version(orderId)).as("changed once").isOne();
        assertThat(effects(orderId)).containsExactly("order.placed", "order.cancelled");
    }

    @Test
    void keepsAConfirmedOrderConfirmedWhenToldToCancelIt() throws Exception {
        UUID orderId = placeOrder();
        ConfirmOrder confirm = new ConfirmOrder(UUID.randomUUID(), orderId);
        send(confirm);
        awaitReplies(orderId, confirm.messageId(), 1);

        CancelOrder cancel = new CancelOrder(UUID.randomUUID(), orderId, "TIMED_OUT");
        send(cancel);

        // answered with the truth: the order is confirmed
        assertThat(awaitReplies(orderId, cancel.messageId(), 1)).extracting(TopicReader.Received::type)
                .containsOnly("order.OrderConfirmed");
        assertThat(status(orderId)).isEqualTo("CONFIRMED");
        assertThat(version(orderId)).isOne();
        assertThat(effects(orderId)).containsExactly("order.placed", "order.confirmed");
    }

    private UUID placeOrder() {
        return PlacedOrders.place(http, "alice");
    }

    private void send(Message command) throws Exception {
        kafka.send(Topics.ORDER_COMMANDS, command.orderId().toString(), command).get();
    }

    private List<TopicReader.Received> awaitReplies(UUID orderId, UUID commandId, int count) {
        return await().atMost(KAFKA_WAIT).until(() -> replies.withKey(orderId).stream()
                        .filter(reply -> reply.value().path("inReplyTo").asText().equals(commandId.toString()))
                        .toList(),
                matching -> matching.size() >= count);
    }

    private String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM orders WHERE id = ?").param(orderId).query(String.class).single();
    }

    private List<String> effects(UUID orderId) {
        return jdbc.sql("SELECT effect FROM causal_effects WHERE order_id = ? ORDER BY id").param(orderId)
                .query(String.class).list();
    }

    private long version(UUID orderId) {
        return jdbc.sql("SELECT version FROM orders WHERE id = ?").param(orderId).query(Long.class).single();
    }
}
