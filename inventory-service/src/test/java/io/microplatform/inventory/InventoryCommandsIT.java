package io.microplatform.inventory;

import io.microplatform.testsupport.SagaCommands;
import io.microplatform.testsupport.SagaReplies;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.InventoryMessages.ReleaseStock;
import io.microplatform.contracts.InventoryMessages.ReserveStock;
import io.microplatform.contracts.InventoryMessages.StockReleased;
import io.microplatform.contracts.InventoryMessages.StockReserved;
import io.microplatform.contracts.InventoryMessages.StockUnavailable;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import io.microplatform.contracts.VectorClock;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inventory as a saga participant: the test plays the orchestrator, sending commands to inventory-commands and
 * reading the answers from saga-replies, against real PostgreSQL and Kafka.
 */
// the same configuration as InventoryServiceIT, so both share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
class InventoryCommandsIT {

    private static final String MONITOR = "MONITOR-27";

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private JdbcClient jdbc;

    @RegisterExtension
    final SagaReplies replies = SagaReplies.eachTest();
    @RegisterExtension
    final SagaCommands commands = SagaCommands.eachTest(Topics.INVENTORY_COMMANDS);

    @AfterEach
    void removeTestItems() {
        // the other ITs of this JVM share the database and expect exactly the demo catalogue
        jdbc.sql("DELETE FROM items WHERE sku LIKE 'IT-%'").update();
    }

    @Test
    void reservesEveryLineAndTakesTheUnitsOutOfStock() {
        String keyboard = item(5);
        String mouse = item(3);
        ReserveStock command = reserve(UUID.randomUUID(), line(keyboard, 2), line(mouse, 3));

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(StockReserved.class)
                .extracting(Reply::orderId).isEqualTo(command.orderId());
        assertThat(stock(keyboard)).isEqualTo(3);
        assertThat(stock(mouse)).isZero();
        assertThat(reservationStatus(command.orderId())).isEqualTo("RESERVED");
    }

    @Test
    void reservesNothingWhenALineLacksStockAndNamesTheSkusThatDo() {
        String plenty = item(5);
        String scarce = item(1);
        String unknown = "IT-UNKNOWN-" + UUID.randomUUID();
        ReserveStock command = reserve(UUID.randomUUID(), line(scarce, 2), line(plenty, 2), line(unknown, 1));

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(StockUnavailable.class);
        assertThat(((StockUnavailable) reply).skus()).containsExactly(scarce, unknown);
        assertThat(stock(plenty)).isEqualTo(5);
        assertThat(stock(scarce)).isEqualTo(1);
    }

    @Test
    void reservesOnceAndAnswersTwiceWhenReserveStockIsDeliveredTwice() {
        String keyboard = item(5);
        ReserveStock command = reserve(UUID.randomUUID(), line(keyboard, 2));
        double duplicates = duplicatesSkipped("inventory.reserve-stock");

        commands.send(command);
        commands.send(command);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(command.messageId(), 2), StockReserved.class);
        assertThat(stock(keyboard)).isEqualTo(3);
        assertThat(effects(command.orderId())).containsExactly("inventory.reserved");
        assertThat(duplicatesSkipped("inventory.reserve-stock")).isEqualTo(duplicates + 1);
    }

    @Test
    void answersARedeliveredRefusalAsTheFirstTimeAlthoughStockArrivedSince() {
        String scarce = item(1);
        ReserveStock command = reserve(UUID.randomUUID(), line(scarce, 2));
        commands.send(command);
        replies.awaitReplyTo(command.messageId());

        jdbc.sql("UPDATE items SET stock = 5 WHERE sku = ?").param(scarce).update();
        commands.send(command);
        // another command for the same order under another message id: no id register would know it, the order's
        // one reservation does (the orchestrator's own re-sends keep the message id)
        ReserveStock resent = new ReserveStock(UUID.randomUUID(), command.orderId(), command.lines());
        commands.send(resent);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(command.messageId(), 2), StockUnavailable.class);
        assertThat(replies.awaitReplyTo(resent.messageId())).isInstanceOf(StockUnavailable.class);
        assertThat(stock(scarce)).isEqualTo(5);
        // one decision, answered three times
        assertThat(effects(command.orderId())).containsExactly("inventory.refused");
    }

    @Test
    void releasesOnceAndAnswersTwiceWhenReleaseStockIsDeliveredTwice() {
        String keyboard = item(5);
        UUID orderId = UUID.randomUUID();
        ReserveStock reserve = reserve(orderId, line(keyboard, 2));
        commands.send(reserve);
        replies.awaitReplyTo(reserve.messageId());
        ReleaseStock release = new ReleaseStock(UUID.randomUUID(), orderId);

        commands.send(release);
        commands.send(release);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(release.messageId(), 2), StockReleased.class);
        assertThat(stock(keyboard)).isEqualTo(5);
        assertThat(reservationStatus(orderId)).isEqualTo("RELEASED");
        assertThat(effects(orderId)).containsExactly("inventory.reserved", "inventory.released");
        // each transaction ticked the order's clock: the release happened after the reservation
        List<VectorClock> clocks = clocks(orderId);
        assertThat(clocks.get(0).happenedBefore(clocks.get(1))).as("%s before %s", clocks.get(0), clocks.get(1)).isTrue();
    }

    @Test
    void recordsAReleaseWithoutReservationAndRefusesTheLateReserveStock() {
        String keyboard = item(5);
        UUID orderId = UUID.randomUUID();
        ReleaseStock release = new ReleaseStock(UUID.randomUUID(), orderId);

        commands.send(release);
        assertThat(replies.awaitReplyTo(release.messageId())).isInstanceOf(StockReleased.class);
        assertThat(reservationStatus(orderId)).isEqualTo("RELEASED");

        ReserveStock late = reserve(orderId, line(keyboard, 1));
        commands.send(late);

        Reply reply = replies.awaitReplyTo(late.messageId());
        assertThat(reply).isInstanceOf(StockUnavailable.class);
        assertThat(((StockUnavailable) reply).skus()).containsExactly(keyboard);
        assertThat(stock(keyboard)).isEqualTo(5);
        assertThat(reservationStatus(orderId)).isEqualTo("RELEASED");
        // the tombstone undid nothing, and the late command was answered from it
        assertThat(effects(orderId)).isEmpty();
    }

    /** FieldLimits: the most lines, the longest skus and the most units an order may carry, reserved and refused. */
    @Test
    void reservesAndRefusesOrdersWithEveryFieldAtItsLimit() {
        String batch = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<OrderLine> lines = IntStream.range(0, FieldLimits.LINES_MAX)
                .mapToObj(i -> line(item("IT-%s-%052d".formatted(batch, i), FieldLimits.QUANTITY_MAX), FieldLimits.QUANTITY_MAX))
                .toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.sku()).hasSize(FieldLimits.SKU_MAX));
        ReserveStock command = new ReserveStock(UUID.randomUUID(), UUID.randomUUID(), lines);

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(StockReserved.class);
        assertThat(jdbc.sql("SELECT count(*) FROM reservation_lines WHERE order_id = ? AND quantity = ?")
                .params(command.orderId(), FieldLimits.QUANTITY_MAX).query(Long.class).single())
                .isEqualTo(FieldLimits.LINES_MAX);
        assertThat(jdbc.sql("SELECT sum(stock) FROM items WHERE sku LIKE ?").param("IT-" + batch + "-%")
                .query(Long.class).single()).isZero();

        List<OrderLine> unknown = IntStream.range(0, FieldLimits.LINES_MAX)
                .mapToObj(i -> line("IT-UNKNOWN-%s-%044d".formatted(batch, i), FieldLimits.QUANTITY_MAX))
                .toList();
        ReserveStock refused = new ReserveStock(UUID.randomUUID(), UUID.randomUUID(), unknown);
        commands.send(refused);

        Reply reply = replies.awaitReplyTo(refused.messageId());
        assertThat(reply).isInstanceOf(StockUnavailable.class);
        assertThat(((StockUnavailable) reply).skus()).hasSize(FieldLimits.LINES_MAX)
                .allSatisfy(sku -> assertThat(sku).hasSize(FieldLimits.SKU_MAX));
        assertThat(jdbc.sql("SELECT count(*) FROM reservation_shortages WHERE order_id = ?").param(refused.orderId())
                .query(Long.class).single()).isEqualTo(FieldLimits.LINES_MAX);
    }

    /** Quantity below 1 or above the limit, no lines, a sku too long: a bug upstream, never a refusal. */
    @Test
    void deadLettersAReserveStockThatBreaksTheFieldContractAndAnswersNothing() {
        String keyboard = item(5);
        List<ReserveStock> malformed = List.of(
                reserve(UUID.randomUUID()),
                reserve(UUID.randomUUID(), line(keyboard, 0)),
                reserve(UUID.randomUUID(), line(keyboard, FieldLimits.QUANTITY_MAX + 1)),
                reserve(UUID.randomUUID(), line("IT-" + "X".repeat(FieldLimits.SKU_MAX - 2), 1)));

        malformed.forEach(commands::send);
        commands.awaitDeadLettered(malformed);

        assertThat(malformed).allSatisfy(command -> {
            assertThat(replies.repliesTo(command.messageId())).isEmpty();
            assertThat(jdbc.sql("SELECT count(*) FROM reservations WHERE order_id = ?").param(command.orderId())
                    .query(Long.class).single()).isZero();
        });
        assertThat(stock(keyboard)).isEqualTo(5);
    }

    @Test
    void reservesExactlyTheTenMonitorsThereAreForThirtyConcurrentOrders() throws Exception {
        assertThat(stock(MONITOR)).isEqualTo(10);
        double failedBefore = commands.failedDeliveries();
        List<ReserveStock> reservations = IntStream.range(0, 30)
                .mapToObj(i -> reserve(UUID.randomUUID(), line(MONITOR, 1)))
                .toList();

        // all at once, keyed by order: spread over the partitions, so the listener's threads race for the rows
        assertThat(commands.sendAllAtOnce(reservations)).as("partitions").hasSizeGreaterThan(1);

        List<Reply> answers = replies.awaitAReplyToEach(reservations.stream().map(ReserveStock::messageId).toList());
        assertThat(answers).filteredOn(StockReserved.class::isInstance).hasSize(10);
        assertThat(answers).filteredOn(StockUnavailable.class::isInstance).hasSize(20)
                .allSatisfy(reply -> assertThat(((StockUnavailable) reply).skus()).containsExactly(MONITOR));
        assertThat(stock(MONITOR)).isZero();
        assertThat(reservedUnits(reservations.stream().map(ReserveStock::orderId).toList())).isEqualTo(10);

        // compensating all thirty gives back exactly the ten that were reserved (and restores the demo stock)
        List<ReleaseStock> releases = reservations.stream()
                .map(command -> new ReleaseStock(UUID.randomUUID(), command.orderId()))
                .toList();
        releases.forEach(commands::sendAsync);
        assertThat(replies.awaitAReplyToEach(releases.stream().map(ReleaseStock::messageId).toList()))
                .allSatisfy(reply -> assertThat(reply).isInstanceOf(StockReleased.class));
        assertThat(stock(MONITOR)).isEqualTo(10);
        // no delivery failed and was retried: the row locks kept the orders apart, not the CHECK (stock >= 0)
        assertThat(commands.listenerTimers()).isNotEmpty();
        assertThat(commands.failedDeliveries()).isEqualTo(failedBefore);
    }


    private static ReserveStock reserve(UUID orderId, OrderLine... lines) {
        return new ReserveStock(UUID.randomUUID(), orderId, List.of(lines));
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, quantity, new BigDecimal("1.00"));
    }

    private String item(int stock) {
        return item("IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), stock);
    }

    private String item(String sku, int stock) {
        jdbc.sql("INSERT INTO items (sku, name, price, stock) VALUES (?, 'Test item', 1.00, ?)").params(sku, stock).update();
        return sku;
    }

    /** Through the public endpoint: units neither reserved nor sold. */
    private int stock(String sku) {
        return http.getForObject("/api/inventory/items/" + sku, JsonNode.class).get("stock").asInt();
    }

    private List<String> effects(UUID orderId) {
        return jdbc.sql("SELECT effect FROM causal_effects WHERE order_id = ? ORDER BY id").param(orderId)
                .query(String.class).list();
    }

    private List<VectorClock> clocks(UUID orderId) {
        return jdbc.sql("SELECT clock FROM causal_effects WHERE order_id = ? ORDER BY id").param(orderId)
                .query(String.class).list().stream().map(VectorClock::parse).toList();
    }

    private String reservationStatus(UUID orderId) {
        return jdbc.sql("SELECT status FROM reservations WHERE order_id = ?").param(orderId).query(String.class).single();
    }

    private long reservedUnits(List<UUID> orderIds) {
        return jdbc.sql("""
                SELECT coalesce(sum(line.quantity), 0) FROM reservation_lines line
                JOIN reservations reservation ON reservation.order_id = line.order_id
                WHERE reservation.status = 'RESERVED' AND line.order_id IN (:orders)""")
                .param("orders", orderIds)
                .query(Long.class)
                .single();
    }

    private double duplicatesSkipped(String consumer) {
        var counter = meters.find("messaging.duplicates.skipped").tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }
}
