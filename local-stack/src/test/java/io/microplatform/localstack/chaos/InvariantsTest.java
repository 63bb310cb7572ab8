package io.microplatform.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.microplatform.contracts.VectorClock;
import io.microplatform.localstack.chaos.FaultPlan.Kind;
import io.microplatform.localstack.chaos.FaultRunner.Outcome;
import io.microplatform.localstack.chaos.KafkaFaults.DeadLetter;
import io.microplatform.localstack.chaos.Snapshot.Effect;
import io.microplatform.localstack.chaos.Snapshot.Money;
import io.microplatform.localstack.chaos.Workload.Placement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The checker on hand-made snapshots: a consistent run passes, and each way of breaking a promise is reported. A
 * checker that cannot fail would prove nothing.
 */
class InvariantsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String CUSTOMER = "chaos-t-c01";
    private static final String SKU = "CHAOS-T-I01";

    private final DataSet data = new DataSet("chaos", "t",
            List.of(new DataSet.Customer(CUSTOMER, new BigDecimal("100.00"))),
            List.of(new DataSet.Item(SKU, "item", new BigDecimal("10.00"), 10)), true);
    private final Run run = new Run();

    @Test
    void aConsistentRunPasses() {
        UUID confirmed = run.confirmed(2, "20.00");
        UUID cancelled = run.cancelledAfterShipmentFailed(1, "10.00");

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.terminal().confirmed()).isEqualTo(1);
        assertThat(verdict.terminal().cancelledByReason()).containsEntry("SHIPPING_FAILED", 1L);
        assertThat(verdict.stockDrift()).containsEntry(SKU, 0);
        assertThat(verdict.money().driftPerCustomer().get(CUSTOMER)).isEqualByComparingTo("0");
        assertThat(verdict.causality().effects()).isEqualTo(5 + 7);
        assertThat(verdict.causality().concurrentPairs()).isZero();
        assertThat(List.of(confirmed, cancelled)).doesNotContainNull();
    }

    @Test
    void anOrderAnsweredButNotStoredIsLost() {
        run.placements.add(new Placement(1, "k1", false, T0, T0, 202, Optional.of(UUID.randomUUID().toString()), null));

        assertThat(run.check(data).violations()).anyMatch(v -> v.startsWith("lost order: placement 1"));
    }

    @Test
    void aPlacementBeyondTheFieldLimitsMustBeRefused() {
        run.placements.add(new Placement(25, "k25", true, T0, T0, 202, Optional.of(UUID.randomUUID().toString()), null));
        run.placements.add(new Placement(50, "k50", true, T0, T0, 400, Optional.empty(), "postalCode: size"));

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.load().overLimit()).isEqualTo(2);
        assertThat(verdict.load().overLimitRefused()).isEqualTo(1);
        assertThat(verdict.violations()).anyMatch(v -> v.startsWith("placement 25 breaks the field limits but was accepted"));
    }

    @Test
    void aPendingOrderIsStuck() {
        UUID order = run.confirmed(1, "10.00");
        run.orders.put(order, run.orders.get(order).withStatus("PENDING"));

        assertThat(run.check(data).violations()).anyMatch(v -> v.startsWith("stuck order " + order));
    }

    @Test
    void stockAndMoneyThatDoNotAddUpAreDrift() {
        run.confirmed(2, "20.00");
        run.stock.put(SKU, 9);
        run.balances.put(CUSTOMER, new BigDecimal("70.00"));

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.stockDrift()).containsEntry(SKU, 1);
        assertThat(verdict.money().driftPerCustomer().get(CUSTOMER)).isEqualByComparingTo("-10.00");
        assertThat(verdict.violations()).anyMatch(v -> v.startsWith("item " + SKU + ": stock 9, expected 8"));
        assertThat(verdict.violations()).anyMatch(v -> v.startsWith("customer " + CUSTOMER + ": balance 70.00"));
    }

    @Test
    void aConfirmedOrderWhosePaymentWasRefundedIsIncomplete() {
        UUID order = run.confirmed(1, "10.00");
        run.payments.put(order, new Snapshot.Payment(order, CUSTOMER, "REFUNDED", new BigDecimal("10.00")));
        run.money.get(order).add(new Money("REFUND", new BigDecimal("10.00")));
        run.balances.put(CUSTOMER, new BigDecimal("100.00"));

        assertThat(run.check(data).violations()).anyMatch(v -> v.startsWith("CONFIRMED order " + order + " lacks its total"));
    }

    @Test
    void aCancelledOrderThatStillHoldsStockHasAnEffect() {
        UUID order = run.cancelledAfterShipmentFailed(1, "10.00");
        run.reservations.put(order, new Snapshot.Reservation(order, "RESERVED", Map.of(SKU, 1)));
        run.stock.put(SKU, 9);

        assertThat(run.check(data).violations()).anyMatch(v -> v.startsWith("CANCELLED order " + order)
                && v.contains("stock still reserved"));
    }

    @Test
    void aRefundBeforeItsChargeOrAShipmentAfterTheCancellationBreaksCausality() {
        UUID order = run.cancelledAfterShipmentFailed(1, "10.00");
        run.effects.removeIf(e -> e.orderId().equals(order) && e.effect().equals("payment.refunded"));
        run.effects.add(new Effect("payment-service", order, "payment.refunded",
                VectorClock.parse("order-service=1,payment-service=1,saga-orchestrator=1"), T0));
        run.effects.add(new Effect("shipping-service", order, "shipping.created",
                VectorClock.parse("inventory-service=2,order-service=2,payment-service=2,saga-orchestrator=9,"
                        + "shipping-service=2"), T0));

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.violations()).anyMatch(v -> v.startsWith("causality in order " + order)
                && v.contains("payment.refunded") && v.contains("shipping.created after order.cancelled"));
        assertThat(verdict.causality().concurrentPairs()).isPositive();
    }

    /** Found by the chaos suite: a saga step lost in a database crash, its ChargePayment applied all the same. */
    @Test
    void anEffectTheOrdersEndDidNotKnowOfBreaksCausality() {
        UUID order = run.order(T0, T0.plusSeconds(1), "CANCELLED");
        run.effects.add(new Effect("order-service", order, "order.placed", VectorClock.parse("order-service=1"), T0));
        run.effects.add(new Effect("payment-service", order, "payment.charged",
                VectorClock.parse("inventory-service=1,order-service=1,payment-service=1,saga-orchestrator=2"), T0));
        run.effects.add(new Effect("inventory-service", order, "inventory.refused",
                VectorClock.parse("inventory-service=1,order-service=1,saga-orchestrator=2"), T0));
        run.effects.add(new Effect("order-service", order, "order.cancelled",
                VectorClock.parse("inventory-service=1,order-service=2,saga-orchestrator=3"), T0));

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.violations()).anyMatch(v -> v.startsWith("causality in order " + order)
                && v.contains("payment.charged concurrent with the order's end"));
        assertThat(verdict.causality().concurrentPairs()).isPositive();
    }

    @Test
    void anEffectRecordedTwiceIsADuplicateApplied() {
        UUID order = run.confirmed(1, "10.00");
        Effect charged = run.effects.stream().filter(e -> e.orderId().equals(order)
                && e.effect().equals("payment.charged")).findFirst().orElseThrow();
        run.effects.add(charged);

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.messaging().duplicatesApplied()).isEqualTo(1);
        assertThat(verdict.violations()).anyMatch(v -> v.startsWith("effect applied 2 times"));
    }

    @Test
    void poisonMustEndOnADeadLetterTopicAndOutagesMustNotDeadLetter() {
        run.faults.add(new Outcome(Kind.POISON, "poison", List.of(), T0, T0, null, null, null, true, null,
                Map.of("payment-commands", 2L)));
        run.deadLetters.add(new DeadLetter("payment-commands-dlt", "t-1", "payment.ChargePayment", "x", T0));
        run.deadLetters.add(new DeadLetter("saga-replies-dlt", null, "payment.PaymentCharged",
                "org.springframework.transaction.CannotCreateTransactionException", T0));

        List<String> violations = run.check(data).violations();

        assertThat(violations).contains("2 poison message(s) injected, 1 found on dead-letter topics");
        assertThat(violations).anyMatch(v -> v.startsWith("dead-lettered while a dependency was away"));
    }

    @Test
    void anOutboxRowNoBrokerAcceptsMustBeParkedNotRetriedForever() {
        run.faults.add(new Outcome(Kind.UNPUBLISHABLE, "too large", List.of("payment-service"), T0, T0, null, null,
                null, true, null, Map.of("payment-service", 3L)));
        run.unpublishable.add(new Snapshot.OutboxRow("payment-service", UnpublishableRows.key("t", 0), false, true, 5));
        run.unpublishable.add(new Snapshot.OutboxRow("payment-service", UnpublishableRows.key("t", 1), false, false, 2));
        // an earlier run's row: not this run's business
        run.unpublishable.add(new Snapshot.OutboxRow("payment-service", UnpublishableRows.key("s", 0), false, false, 0));

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.messaging().unpublishableInjected()).isEqualTo(3);
        assertThat(verdict.messaging().unpublishableParked()).isEqualTo(1);
        assertThat(verdict.violations()).containsExactlyInAnyOrder(
                "payment-service never parked outbox row " + UnpublishableRows.key("t", 1)
                        + " (2 refusals): a row the broker refuses must not be retried forever",
                "outbox row " + UnpublishableRows.key("t", 2) + " written into payment-service is gone");
    }

    @Test
    void placementsRefusedWhileOneParticipantIsDownAreAViolation() {
        run.faults.add(new Outcome(Kind.KILL, "kill -9 payment-service", List.of("payment-service"), T0,
                T0.plusSeconds(30), "payment-service", T0, T0.plusSeconds(20), true, null, Map.of()));
        for (int i = 0; i < 10; i++) {
            run.placements.add(new Placement(i, "k" + i, false, T0.plusSeconds(i), T0.plusSeconds(i), i < 5 ? 202 : 503,
                    Optional.empty(), null));
        }

        Invariants.Verdict verdict = run.check(data);

        assertThat(verdict.acceptanceWhileDown()).singleElement().satisfies(window -> {
            assertThat(window.attempted()).isEqualTo(10);
            assertThat(window.accepted()).isEqualTo(5);
        });
        assertThat(verdict.violations()).anyMatch(v -> v.startsWith("only 5 of 10 orders accepted while payment-service"));
    }

    @Test
    void theLongestStallIsTheLongestTimeWithOrdersInFlightAndNoneEnding() {
        run.order(T0, T0.plusSeconds(1), "CONFIRMED");
        run.order(T0.plusSeconds(2), T0.plusSeconds(30), "CONFIRMED");
        run.order(T0.plusSeconds(3), T0.plusSeconds(31), "CANCELLED");
        run.order(T0.plusSeconds(100), T0.plusSeconds(101), "CONFIRMED");

        assertThat(Invariants.longestStall(run.snapshot())).isEqualTo(28.0);
    }

    /** A run's data, built up by the tests; the helpers store what a correct platform would. */
    private static final class Run {

        final Map<UUID, Snapshot.Order> orders = new LinkedHashMap<>();
        final Map<String, Integer> stock = new HashMap<>(Map.of(SKU, 10));
        final Map<UUID, Snapshot.Reservation> reservations = new HashMap<>();
        final Map<String, BigDecimal> balances = new HashMap<>(Map.of(CUSTOMER, new BigDecimal("100.00")));
        final Map<UUID, Snapshot.Payment> payments = new HashMap<>();
        final Map<UUID, List<Money>> money = new HashMap<>();
        final Map<UUID, Snapshot.Shipment> shipments = new HashMap<>();
        final List<Effect> effects = new ArrayList<>();
        final List<Placement> placements = new ArrayList<>();
        final List<Outcome> faults = new ArrayList<>();
        final List<DeadLetter> deadLetters = new ArrayList<>();
        final List<Snapshot.OutboxRow> unpublishable = new ArrayList<>();

        UUID confirmed(int quantity, String total) {
            UUID id = order(T0, T0.plusSeconds(1), "CONFIRMED", quantity, total);
            stock.merge(SKU, -quantity, Integer::sum);
            balances.merge(CUSTOMER, new BigDecimal(total).negate(), BigDecimal::add);
            reservations.put(id, new Snapshot.Reservation(id, "RESERVED", Map.of(SKU, quantity)));
            payments.put(id, new Snapshot.Payment(id, CUSTOMER, "CHARGED", new BigDecimal(total)));
            money.put(id, new ArrayList<>(List.of(new Money("CHARGE", new BigDecimal(total)))));
            shipments.put(id, new Snapshot.Shipment(id, "CREATED"));
            clocks(id, "order.placed", "inventory.reserved", "payment.charged", "shipping.created", "order.confirmed");
            return id;
        }

        /** Reserved, charged, shipment refused, refund, release, cancel: seven effects. */
        UUID cancelledAfterShipmentFailed(int quantity, String total) {
            UUID id = order(T0, T0.plusSeconds(1), "CANCELLED", quantity, total);
            reservations.put(id, new Snapshot.Reservation(id, "RELEASED", Map.of(SKU, quantity)));
            payments.put(id, new Snapshot.Payment(id, CUSTOMER, "REFUNDED", new BigDecimal(total)));
            money.put(id, new ArrayList<>(List.of(new Money("CHARGE", new BigDecimal(total)),
                    new Money("REFUND", new BigDecimal(total)))));
            clocks(id, "order.placed", "inventory.reserved", "payment.charged", "shipping.refused", "payment.refunded",
                    "inventory.released", "order.cancelled");
            return id;
        }

        /** Each effect one step later on the saga's path: every one happened before the next. */
        private void clocks(UUID id, String... names) {
            VectorClock clock = VectorClock.EMPTY;
            for (String name : names) {
                String service = name.substring(0, name.indexOf('.')) + "-service";
                clock = clock.tick("saga-orchestrator").tick(service);
                effects.add(new Effect(service, id, name, clock, T0));
            }
        }

        UUID order(Instant created, Instant updated, String status) {
            return order(created, updated, status, 1, "10.00");
        }

        private UUID order(Instant created, Instant updated, String status, int quantity, String total) {
            UUID id = UUID.randomUUID();
            orders.put(id, new Snapshot.Order(id, CUSTOMER, status, status.equals("CANCELLED") ? "SHIPPING_FAILED" : null,
                    new BigDecimal(total), Map.of(SKU, quantity), created, updated));
            return id;
        }

        Snapshot snapshot() {
            return new Snapshot(orders, Map.of(), stock, reservations, balances, payments, money, shipments, Map.of(),
                    effects, Map.of("order-service", 0L), Map.of("order-service", 0L), unpublishable, Map.of(),
                    List.of());
        }

        Invariants.Verdict check(DataSet data) {
            return Invariants.check(data, snapshot(), placements, faults, deadLetters, T0, T0.plusSeconds(5), 3);
        }
    }
}
