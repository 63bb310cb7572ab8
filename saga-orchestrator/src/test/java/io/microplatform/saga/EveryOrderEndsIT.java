package io.microplatform.saga;

import static io.microplatform.saga.Participants.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.contracts.Command;
import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockUnavailable;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.OrderCancelled;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.OrderMessages.OrderStalled;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.Topics;
import io.microplatform.saga.definition.CancellationReason;
import io.microplatform.saga.definition.SagaCommand;
import io.microplatform.saga.domain.Saga;
import io.microplatform.saga.domain.SagaState;
import io.microplatform.saga.domain.SagaStep;
import io.microplatform.testsupport.TopicTail;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every order the API accepted ends, whatever became of its OrderPlaced: an order reported stalled without a saga is
 * cancelled (TIMED_OUT) and a late OrderPlaced starts nothing; an OrderPlaced that cannot become a saga cancels its
 * order (REJECTED) instead of going to the dead-letter topic. The test plays order-service and the participants.
 */
@SagaIntegrationTest
class EveryOrderEndsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private SagaManagement sagas;

    @Autowired
    private MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;

    @RegisterExtension
    final Participants participants = Participants.eachTest();

    @Test
    void cancelsAnOrderReportedStalledThatNeverHadASagaAndALateOrderPlacedStartsNothing() {
        double cancelOnly = count("saga.cancel.only", "reason", "TIMED_OUT");
        UUID orderId = UUID.randomUUID();
        participants.publish(new OrderStalled(UUID.randomUUID(), orderId));

        CancelOrder cancel = participants.awaitCommand(CancelOrder.class, orderId);
        assertThat(cancel.reason()).isEqualTo("TIMED_OUT");
        Saga cancelling = sagas.get(orderId);
        assertThat(cancelling.state()).isEqualTo(SagaState.COMPENSATING);
        assertThat(cancelling.currentStepName()).isEqualTo("place-order");
        assertThat(cancelling.order()).isEmpty();
        participants.reply(new OrderCancelled(UUID.randomUUID(), orderId, cancel.messageId()));
        await().atMost(PATIENCE).until(() -> sagas.get(orderId).state() == SagaState.CANCELLED);

        // its OrderPlaced comes out of order-service's outbox after all
        participants.awaitHandled(participants.publish(placed(orderId, "alice")));

        assertThat(participants.distinctCommandsFor(orderId)).map(Command::getClass).containsExactly(CancelOrder.class);
        Saga ended = sagas.get(orderId);
        assertThat(ended.state()).isEqualTo(SagaState.CANCELLED);
        assertThat(ended.reason()).contains(CancellationReason.TIMED_OUT);
        assertThat(ended.steps()).extracting(SagaStep::command).containsExactly(SagaCommand.CANCEL_ORDER);
        assertThat(count("saga.cancel.only", "reason", "TIMED_OUT")).isEqualTo(cancelOnly + 1);
    }

    @Test
    void changesNothingWhenAnOrderReportedStalledHasASaga() {
        double ignored = count("saga.stalled.ignored");
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = participants.placeOrder(orderId);
        long version = sagas.get(orderId).version();

        participants.publish(new OrderStalled(UUID.randomUUID(), orderId));
        // handled: counted, not awaited through the committed offset, which lags by up to the ack time while the
        // saga's (short, in tests) deadline would re-send its command and re-write it meanwhile
        await().atMost(PATIENCE).until(() -> count("saga.stalled.ignored") == ignored + 1);

        Saga running = sagas.get(orderId);
        assertThat(running.state()).isEqualTo(SagaState.RUNNING);
        assertThat(running.currentStepName()).isEqualTo("reserve-stock");
        assertThat(running.steps()).hasSize(1);
        assertThat(running.version()).as("not even re-written").isEqualTo(version);
        assertThat(participants.distinctCommandsFor(orderId)).map(Command::getClass).containsExactly(ReserveStock.class);
        assertThat(count("saga.stalled.ignored")).isEqualTo(ignored + 1);

        // end it, so it does not time out during other tests
        participants.reply(new StockUnavailable(UUID.randomUUID(), orderId, reserve.messageId(), List.of("KEYBOARD-01")));
        CancelOrder cancel = participants.awaitCommand(CancelOrder.class, orderId);
        assertThat(cancel.reason()).isEqualTo("OUT_OF_STOCK");
        participants.reply(new OrderCancelled(UUID.randomUUID(), orderId, cancel.messageId()));
        await().atMost(PATIENCE).until(() -> sagas.get(orderId).state() == SagaState.CANCELLED);
    }

    @Test
    void cancelsAnOrderWhoseOrderPlacedCannotBecomeASagaWithoutDeadLetteringIt() {
        double rejected = count("saga.cancel.only", "reason", "REJECTED");
        OrderPlaced valid = placed(UUID.randomUUID(), "alice");
        List<OrderPlaced> invalid = List.of(
                withCustomer(valid, "c".repeat(FieldLimits.CUSTOMER_ID_MAX + 1)),
                withLines(valid, List.of()),
                withTotal(valid, new BigDecimal("-1.00")),
                withAddress(valid, new ShippingAddress("Ada", "1 Main St", null, "10115", "DE")),
                withLines(valid, List.of(new OrderLine("KEYBOARD-01", FieldLimits.QUANTITY_MAX + 1, BigDecimal.ONE))));
        try (TopicTail deadLetters = new TopicTail(bootstrapServers, Topics.deadLetterTopicOf(Topics.ORDER_EVENTS))) {
            RecordMetadata last = null;
            for (OrderPlaced placed : invalid) {
                last = participants.publish(placed);
            }

            for (OrderPlaced placed : invalid) {
                CancelOrder cancel = participants.awaitCommand(CancelOrder.class, placed.orderId());
                assertThat(cancel.reason()).isEqualTo("REJECTED");
                participants.reply(new OrderCancelled(UUID.randomUUID(), placed.orderId(), cancel.messageId()));
            }
            participants.awaitHandled(last);

            for (OrderPlaced placed : invalid) {
                await().atMost(PATIENCE).until(() -> sagas.get(placed.orderId()).state() == SagaState.CANCELLED);
                Saga ended = sagas.get(placed.orderId());
                assertThat(ended.reason()).contains(CancellationReason.REJECTED);
                assertThat(ended.order()).isEmpty();
                assertThat(participants.distinctCommandsFor(placed.orderId())).map(Command::getClass)
                        .containsExactly(CancelOrder.class);
                assertThat(deadLetters.withKey(placed.orderId())).isEmpty();
            }
        }
        assertThat(count("saga.cancel.only", "reason", "REJECTED")).isEqualTo(rejected + invalid.size());
    }

    private static OrderPlaced withCustomer(OrderPlaced valid, String customerId) {
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), customerId, valid.lines(), valid.shippingCost(),
                valid.total(), valid.shippingAddress());
    }

    private static OrderPlaced withLines(OrderPlaced valid, List<OrderLine> lines) {
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), valid.customerId(), lines, valid.shippingCost(),
                valid.total(), valid.shippingAddress());
    }

    private static OrderPlaced withTotal(OrderPlaced valid, BigDecimal total) {
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), valid.customerId(), valid.lines(),
                valid.shippingCost(), total, valid.shippingAddress());
    }

    private static OrderPlaced withAddress(OrderPlaced valid, ShippingAddress address) {
        return new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), valid.customerId(), valid.lines(),
                valid.shippingCost(), valid.total(), address);
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
