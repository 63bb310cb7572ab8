package io.microplatform.saga;

import static io.microplatform.saga.Participants.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.contracts.Command;
import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReleased;
import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.InventoryMessages.StockUnavailable;
import io.microplatform.contracts.OrderMessages.CancelOrder;
import io.microplatform.contracts.OrderMessages.ConfirmOrder;
import io.microplatform.contracts.OrderMessages.OrderCancelled;
import io.microplatform.contracts.OrderMessages.OrderConfirmed;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.PaymentMessages.PaymentCharged;
import io.microplatform.contracts.PaymentMessages.PaymentDeclined;
import io.microplatform.contracts.PaymentMessages.PaymentRefunded;
import io.microplatform.contracts.PaymentMessages.RefundPayment;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.VectorClock;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.ShippingMessages.ShipmentCreated;
import io.microplatform.contracts.ShippingMessages.ShipmentFailed;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The orchestrator driving sagas over real Kafka and PostgreSQL, with the test playing every participant: it reads
 * the commands from their topics and answers on saga-replies, sometimes twice, late, wrongly or not at all.
 */
@SagaIntegrationTest
class OrderSagaIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private JdbcClient jdbc;

    @RegisterExtension
    final Participants participants = Participants.eachTest();

    @Test
    void confirmsTheOrderWhenEveryStepSucceeds() {
        double confirmed = count("saga.confirmed");
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = participants.placeOrder(orderId);
        assertThat(reserve.lines()).isEqualTo(Participants.LINES);
        assertThat(list("RUNNING")).contains(orderId.toString());
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(meters.get("saga.oldest.in.flight.age").gauge().value()).isPositive());
        participants.reply(new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()));

        ChargePayment charge = participants.awaitCommand(ChargePayment.class, orderId);
        assertThat(charge.customerId()).isEqualTo("alice");
        assertThat(charge.amount()).isEqualTo(new BigDecimal("104.79"));
        participants.reply(new PaymentCharged(UUID.randomUUID(), orderId, charge.messageId()));

        CreateShipment ship = participants.awaitCommand(CreateShipment.class, orderId);
        assertThat(ship.address()).isEqualTo(Participants.ADDRESS);
        participants.reply(new ShipmentCreated(UUID.randomUUID(), orderId, ship.messageId()));

        ConfirmOrder confirm = participants.awaitCommand(ConfirmOrder.class, orderId);
        participants.reply(new OrderConfirmed(UUID.randomUUID(), orderId, confirm.messageId()));

        JsonNode saga = awaitState(orderId, "CONFIRMED");
        assertThat(saga.get("reason").isNull()).isTrue();
        assertThat(saga.get("currentStep").asText()).isEqualTo("confirm-order");
        assertThat(steps(saga)).containsExactly(
                forward("reserve-stock", "RESERVE_STOCK", reserve, "inventory.StockReserved", "SUCCEEDED"),
                forward("charge-payment", "CHARGE_PAYMENT", charge, "payment.PaymentCharged", "SUCCEEDED"),
                forward("create-shipment", "CREATE_SHIPMENT", ship, "shipping.ShipmentCreated", "SUCCEEDED"),
                forward("confirm-order", "CONFIRM_ORDER", confirm, "order.OrderConfirmed", "SUCCEEDED"));
        assertThat(saga.get("steps")).allSatisfy(step -> {
            assertThat(step.get("sentAt").asText()).isNotBlank();
            assertThat(step.get("repliedAt").asText()).isNotBlank();
        });
        assertThat(participants.distinctCommandsFor(orderId)).map(Command::getClass).containsExactly(
                ReserveStock.class, ChargePayment.class, CreateShipment.class, ConfirmOrder.class);
        assertThat(count("saga.confirmed")).isEqualTo(confirmed + 1);
        assertThat(meters.get("saga.duration").tag("state", "CONFIRMED").timer().count()).isPositive();
        // counted after the commit, which the REST read above may overtake
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.find("saga.step.duration").tags("step",
                "confirm-order", "direction", "FORWARD", "outcome", "SUCCEEDED").timer()).isNotNull());
        assertThat(list("CONFIRMED")).contains(orderId.toString());
    }

    @Test
    void declinedPaymentReleasesTheStockAndCancelsTheOrder() {
        double cancelled = count("saga.cancelled", "reason", "PAYMENT_DECLINED");
        double releases = count("saga.compensations", "step", "reserve-stock");
        UUID orderId = UUID.randomUUID();
        participants.publish(placed(orderId, "bob"));

        ReserveStock reserve = participants.awaitCommand(ReserveStock.class, orderId);
        participants.reply(new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()));
        ChargePayment charge = participants.awaitCommand(ChargePayment.class, orderId);
        participants.reply(new PaymentDeclined(UUID.randomUUID(), orderId, charge.messageId(), "insufficient balance"));

        ReleaseStock release = participants.awaitCommand(ReleaseStock.class, orderId);
        assertThat(state(orderId)).isEqualTo("COMPENSATING");
        participants.reply(new StockReleased(UUID.randomUUID(), orderId, release.messageId()));
        CancelOrder cancel = participants.awaitCommand(CancelOrder.class, orderId);
        assertThat(cancel.reason()).isEqualTo("PAYMENT_DECLINED");
        participants.reply(new OrderCancelled(UUID.randomUUID(), orderId, cancel.messageId()));

        JsonNode saga = awaitEnd(orderId, "CANCELLED", "PAYMENT_DECLINED");
        assertThat(steps(saga)).containsExactly(
                forward("reserve-stock", "RESERVE_STOCK", reserve, "inventory.StockReserved", "SUCCEEDED"),
                forward("charge-payment", "CHARGE_PAYMENT", charge, "payment.PaymentDeclined", "FAILED"),
                backward("reserve-stock", "RELEASE_STOCK", release, "inventory.StockReleased", "SUCCEEDED"),
                backward("place-order", "CANCEL_ORDER", cancel, "order.OrderCancelled", "SUCCEEDED"));
        assertThat(participants.distinctCommandsFor(orderId)).map(Command::getClass).containsExactly(
                ReserveStock.class, ChargePayment.class, ReleaseStock.class, CancelOrder.class);
        assertThat(count("saga.cancelled", "reason", "PAYMENT_DECLINED")).isEqualTo(cancelled + 1);
        assertThat(count("saga.compensations", "step", "reserve-stock")).isEqualTo(releases + 1);
        assertThat(meters.get("saga.step.duration").tags("step", "charge-payment", "direction", "FORWARD", "outcome",
                "FAILED").timer().count()).isPositive();
        assertThat(meters.get("saga.step.duration").tags("step", "reserve-stock", "direction", "BACKWARD", "outcome",
                "SUCCEEDED").timer().count()).isPositive();
    }

    @Test
    void advancesOnceWhenEveryMessageArrivesTwice() {
        double ignored = count("saga.replies.ignored");
        UUID orderId = UUID.randomUUID();
        OrderPlaced placed = placed(orderId, "alice");
        participants.publish(placed);
        participants.publish(placed);
        // order-service publishing the same order again, as a new message
        RecordMetadata lastPlaced = participants.publish(new OrderPlaced(UUID.randomUUID(), orderId, "alice",
                placed.lines(), placed.shippingCost(), placed.total(), placed.shippingAddress()));

        ReserveStock reserve = participants.awaitCommand(ReserveStock.class, orderId);
        replyThreeTimes(new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()),
                new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()));
        ChargePayment charge = participants.awaitCommand(ChargePayment.class, orderId);
        replyThreeTimes(new PaymentCharged(UUID.randomUUID(), orderId, charge.messageId()),
                new PaymentCharged(UUID.randomUUID(), orderId, charge.messageId()));
        CreateShipment ship = participants.awaitCommand(CreateShipment.class, orderId);
        replyThreeTimes(new ShipmentCreated(UUID.randomUUID(), orderId, ship.messageId()),
                new ShipmentCreated(UUID.randomUUID(), orderId, ship.messageId()));
        ConfirmOrder confirm = participants.awaitCommand(ConfirmOrder.class, orderId);
        RecordMetadata last = replyThreeTimes(new OrderConfirmed(UUID.randomUUID(), orderId, confirm.messageId()),
                new OrderConfirmed(UUID.randomUUID(), orderId, confirm.messageId()));

        JsonNode saga = awaitState(orderId, "CONFIRMED");
        participants.awaitHandled(last);
        participants.awaitHandled(lastPlaced);
        assertThat(saga.get("steps")).hasSize(4);
        assertThat(participants.distinctCommandsFor(orderId)).map(Command::getClass).containsExactly(
                ReserveStock.class, ChargePayment.class, CreateShipment.class, ConfirmOrder.class);
        // the repeated OrderPlaced committed no second ReserveStock (every outbox row of it carries the one id)
        assertThat(jdbc.sql("SELECT DISTINCT payload::json->>'messageId' FROM outbox_messages"
                + " WHERE message_key = ? AND message_type = 'inventory.ReserveStock'")
                .param(orderId).query(String.class).list()).containsExactly(reserve.messageId().toString());
        // per step a redelivered reply and a second answer to the same command: neither answers the outstanding one
        assertThat(count("saga.replies.ignored")).isGreaterThanOrEqualTo(ignored + 8);
    }

    @Test
    void ignoresRepliesThatDoNotAnswerTheOutstandingCommand() {
        double ignored = count("saga.replies.ignored");
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = participants.placeOrder(orderId);
        participants.reply(new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()));
        ChargePayment charge = participants.awaitCommand(ChargePayment.class, orderId);

        // a late second answer to the previous step
        participants.reply(new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()));
        // an answer to a command this saga never sent
        participants.reply(new PaymentCharged(UUID.randomUUID(), orderId, UUID.randomUUID()));
        // the awaited id, but a reply type that cannot answer a charge
        RecordMetadata last = participants.reply(new ShipmentCreated(UUID.randomUUID(), orderId, charge.messageId()));
        // a reply for an order without a saga
        participants.reply(new StockReserved(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()));
        participants.awaitHandled(last);

        JsonNode waiting = saga(orderId);
        assertThat(waiting.get("state").asText()).isEqualTo("RUNNING");
        assertThat(waiting.get("currentStep").asText()).isEqualTo("charge-payment");
        assertThat(waiting.get("steps")).hasSize(2);
        assertThat(waiting.get("steps").get(1).get("outcome").asText()).isEqualTo("PENDING");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(count("saga.replies.ignored")).isGreaterThanOrEqualTo(ignored + 4));

        // the right answer still moves it on: here the shipment fails, so payment and stock are undone
        participants.reply(new PaymentCharged(UUID.randomUUID(), orderId, charge.messageId()));
        CreateShipment ship = participants.awaitCommand(CreateShipment.class, orderId);
        participants.reply(new ShipmentFailed(UUID.randomUUID(), orderId, ship.messageId(), "postal code 00000"));
        RefundPayment refund = participants.awaitCommand(RefundPayment.class, orderId);
        participants.reply(new PaymentRefunded(UUID.randomUUID(), orderId, refund.messageId()));
        assertThat(participants.releaseAndCancel(orderId).reason()).isEqualTo("SHIPPING_FAILED");

        JsonNode saga = awaitEnd(orderId, "CANCELLED", "SHIPPING_FAILED");
        assertThat(saga.get("steps")).extracting(step -> step.get("command").asText()).containsExactly("RESERVE_STOCK",
                "CHARGE_PAYMENT", "CREATE_SHIPMENT", "REFUND_PAYMENT", "RELEASE_STOCK", "CANCEL_ORDER");
    }

    @Test
    void resendsAnUnansweredCommandWithTheSameIdThenCompensatesWithTimedOut() {
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = participants.placeOrder(orderId);

        // inventory stays silent: the same command again after the step timeout...
        await().atMost(PATIENCE).until(() -> participants.commandsFor(orderId).stream()
                .filter(ReserveStock.class::isInstance).count() >= 2);
        assertThat(participants.commandsFor(orderId)).filteredOn(ReserveStock.class::isInstance)
                .extracting(Command::messageId).containsOnly(reserve.messageId());
        // ...then, out of attempts, the possibly reserved stock is released
        assertThat(participants.releaseAndCancel(orderId).reason()).isEqualTo("TIMED_OUT");

        JsonNode saga = awaitEnd(orderId, "CANCELLED", "TIMED_OUT");
        assertThat(saga.get("steps")).extracting(step -> step.get("command").asText(),
                step -> step.get("attempts").asInt(), step -> step.get("outcome").asText()).containsExactly(
                        tuple("RESERVE_STOCK", 2, "TIMED_OUT"),
                        tuple("RELEASE_STOCK", 1, "SUCCEEDED"),
                        tuple("CANCEL_ORDER", 1, "SUCCEEDED"));
    }

    @Test
    void rollsForwardWhenTheConfirmationGoesUnansweredPastTheGiveUpTime() {
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = participants.placeOrder(orderId);
        participants.reply(new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()));
        ConfirmOrder confirm = participants.chargeAndShip(orderId);

        // order-service is paused: a forward step is given up after max-attempts (2) sends, the confirmation is not
        await().atMost(PATIENCE).until(() -> participants.commandsFor(orderId).stream()
                .filter(ConfirmOrder.class::isInstance).count() >= 3);

        assertThat(participants.commandsFor(orderId)).filteredOn(ConfirmOrder.class::isInstance)
                .extracting(Command::messageId).containsOnly(confirm.messageId());
        JsonNode waiting = saga(orderId);
        assertThat(waiting.get("state").asText()).isEqualTo("RUNNING");
        assertThat(waiting.get("reason").isNull()).isTrue();
        assertThat(waiting.get("steps")).hasSize(4);
        assertThat(waiting.get("steps").get(3).get("command").asText()).isEqualTo("CONFIRM_ORDER");
        assertThat(waiting.get("steps").get(3).get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(waiting.get("steps").get(3).get("outcome").asText()).isEqualTo("PENDING");
        assertThat(list("RUNNING")).contains(orderId.toString());
        // in flight for longer than a forward step may take (what SagaPastDeadline watches, at production scale)
        long giveUpSeconds = 3 + 6;
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.get("saga.oldest.in.flight.age").gauge().value())
                .isGreaterThan(giveUpSeconds));

        // order-service resumes and applies one of the sends
        participants.reply(new OrderConfirmed(UUID.randomUUID(), orderId, confirm.messageId()));

        awaitState(orderId, "CONFIRMED");
        assertThat(participants.distinctCommandsFor(orderId)).map(Command::getClass).containsExactly(
                ReserveStock.class, ChargePayment.class, CreateShipment.class, ConfirmOrder.class);
    }

    @Test
    void answersAReplyWithACommandWhoseVectorClockIsAfterTheReplys() {
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = participants.placeOrder(orderId);
        VectorClock reserveClock = participants.clockOf(reserve);
        assertThat(reserveClock.counter("saga-orchestrator")).isPositive();

        // inventory-service merges the command's clock, ticks its own entry and replies with the result
        VectorClock replyClock = reserveClock.merge(VectorClock.parse("inventory-service=41")).tick("inventory-service");
        participants.reply(new StockReserved(UUID.randomUUID(), orderId, reserve.messageId()), replyClock);
        ChargePayment charge = participants.awaitCommand(ChargePayment.class, orderId);

        VectorClock chargeClock = participants.clockOf(charge);
        assertThat(chargeClock.compare(replyClock)).as("%s against the reply's %s", chargeClock, replyClock)
                .isEqualTo(VectorClock.Causality.AFTER);
        assertThat(chargeClock.counter("inventory-service")).isEqualTo(42);
        assertThat(chargeClock.counter("saga-orchestrator")).isGreaterThan(reserveClock.counter("saga-orchestrator"));

        // end it, so it does not time out during other tests
        participants.reply(new PaymentDeclined(UUID.randomUUID(), orderId, charge.messageId(), "insufficient balance"));
        participants.releaseAndCancel(orderId);
        awaitState(orderId, "CANCELLED");
    }

    @Test
    void parksTheSagaAsFailedWhenACompensationIsNeverAnswered() {
        double failed = count("saga.failed");
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = participants.placeOrder(orderId);
        participants.reply(new StockUnavailable(UUID.randomUUID(), orderId, reserve.messageId(), List.of("KEYBOARD-01")));
        CancelOrder cancel = participants.awaitCommand(CancelOrder.class, orderId);
        assertThat(cancel.reason()).isEqualTo("OUT_OF_STOCK");

        // order-service never answers
        JsonNode saga = awaitEnd(orderId, "FAILED", "OUT_OF_STOCK");

        assertThat(saga.get("steps").get(1).get("command").asText()).isEqualTo("CANCEL_ORDER");
        assertThat(saga.get("steps").get(1).get("attempts").asInt()).isEqualTo(2);
        assertThat(saga.get("steps").get(1).get("outcome").asText()).isEqualTo("TIMED_OUT");
        assertThat(participants.commandsFor(orderId)).filteredOn(CancelOrder.class::isInstance)
                .extracting(Command::messageId).containsOnly(cancel.messageId());
        assertThat(count("saga.failed")).isEqualTo(failed + 1);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(meters.get("saga.failed.current").gauge().value()).isGreaterThanOrEqualTo(1));
        assertThat(list("FAILED")).contains(orderId.toString());
        // a very late answer changes nothing any more
        participants.reply(new OrderCancelled(UUID.randomUUID(), orderId, cancel.messageId()));
    }

    @Test
    void answersAnUnknownSagaWithProblemJson404() {
        ResponseEntity<String> response = http.getForEntity("/api/sagas/{orderId}", String.class, UUID.randomUUID());

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    private RecordMetadata replyThreeTimes(Reply reply, Reply answerToAResend) {
        participants.reply(reply);
        participants.reply(reply);
        return participants.reply(answerToAResend);
    }

    private JsonNode awaitState(UUID orderId, String state) {
        await().atMost(PATIENCE).until(() -> state(orderId), state::equals);
        return saga(orderId);
    }

    /** Waits for the saga to end in state and checks the reason it ended for. */
    private JsonNode awaitEnd(UUID orderId, String state, String reason) {
        JsonNode saga = awaitState(orderId, state);
        assertThat(saga.get("reason").asText()).isEqualTo(reason);
        return saga;
    }

    private String state(UUID orderId) {
        return saga(orderId).path("state").asText();
    }

    private JsonNode saga(UUID orderId) {
        try {
            return json.readTree(http.getForObject("/api/sagas/{orderId}", String.class, orderId));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The order ids of GET /api/sagas?state= */
    private List<String> list(String state) {
        try {
            JsonNode list = json.readTree(http.getForObject("/api/sagas?state={state}", String.class, state));
            return StreamSupport.stream(list.spliterator(), false).map(saga -> saga.get("orderId").asText()).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // a row of steps(saga): the step, the command sent for it, and how its reply ended it
    private static Tuple forward(String step, String command, Command sent, String reply, String outcome) {
        return tuple(step, command, sent.messageId().toString(), "FORWARD", reply, outcome);
    }

    private static Tuple backward(String step, String command, Command sent, String reply, String outcome) {
        return tuple(step, command, sent.messageId().toString(), "BACKWARD", reply, outcome);
    }

    private static List<Tuple> steps(JsonNode saga) {
        return StreamSupport.stream(saga.get("steps").spliterator(), false)
                .map(step -> tuple(step.get("name").asText(), step.get("command").asText(),
                        step.get("commandId").asText(), step.get("direction").asText(), step.get("reply").asText(),
                        step.get("outcome").asText()))
                .toList();
    }

    private double count(String name, String... tags) {
        // one counter per tag value (saga.replies.ignored{type}): add them up
        return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }
}
