package io.microplatform.localstack.chaos;

import io.microplatform.contracts.VectorClock;
import io.microplatform.contracts.VectorClock.Causality;
import io.microplatform.localstack.chaos.FaultRunner.Outcome;
import io.microplatform.localstack.chaos.KafkaFaults.DeadLetter;
import io.microplatform.localstack.chaos.Snapshot.Effect;
import io.microplatform.localstack.chaos.Snapshot.Money;
import io.microplatform.localstack.chaos.Snapshot.Order;
import io.microplatform.localstack.chaos.Workload.Placement;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The verdict of a chaos run: the platform's promises checked against what every service stored. Each check adds to
 * {@link Verdict#violations()} in words a person can act on (the order or item, what was expected, what is there);
 * the run passes only when there is none.
 */
final class Invariants {

    /** Every accepted order must be CONFIRMED or CANCELLED this long after the faults healed (or after it came). */
    static final Duration TERMINAL_WITHIN = Duration.ofSeconds(60);
    /** Share of placements answered 202 while one participant had no instance left; order-service must not need it. */
    static final double ACCEPTANCE_WHILE_DOWN = 0.9;

    /** Each participant's forward effect and the compensation that undoes it, in the saga's order. */
    private record Step(String forward, String compensation) {
    }

    private static final List<Step> STEPS = List.of(new Step("inventory.reserved", "inventory.released"),
            new Step("payment.charged", "payment.refunded"), new Step("shipping.created", "shipping.cancelled"));
    /**
     * cause must happen before effect whenever both were recorded for one order: each step before its compensation,
     * every step before the order's confirmation, every compensation before its cancellation.
     */
    static final List<List<String>> CAUSES = Stream.of(
                    STEPS.stream().map(step -> List.of(step.forward(), step.compensation())),
                    STEPS.stream().map(step -> List.of(step.forward(), "order.confirmed")),
                    STEPS.stream().map(step -> List.of(step.compensation(), "order.cancelled")))
            .flatMap(pairs -> pairs).toList();
    /** Forward effects that must never come after the order's cancellation. */
    static final List<String> NEVER_AFTER_CANCELLATION = STEPS.stream().map(Step::forward).toList();

    /**
     * @param overLimit placements that break FieldLimits on purpose; {@code overLimitRefused} of them got the 400 they
     *        must get
     */
    record Load(int attempted, long answered202, long answered4xx, long answered5xx, long noAnswer, int accepted,
            long acceptedWithoutAnswer, long overLimit, long overLimitRefused) {
    }

    record Terminal(int accepted, long confirmed, long cancelled, long stuck, long lateTerminal,
            double completionP50Seconds, double completionP99Seconds, double completionMaxSeconds,
            Map<String, Long> cancelledByReason) {
    }

    record Payments(long doubleCharges, long chargesWithoutOrder, Map<String, BigDecimal> driftPerCustomer) {
    }

    record Effects(long confirmedWithoutAllEffects, long cancelledWithNetEffect) {
    }

    /**
     * @param unpublishableInjected outbox rows the run wrote that no broker accepts
     * @param unpublishableParked those of them the relay parked after its bounded attempts (must be all)
     */
    record Messaging(Map<String, Long> unpublishedOutbox, Map<String, Long> parkedOutbox, long unpublishableInjected,
            long unpublishableParked, long duplicatesDelivered, long duplicatesApplied, long poisonInjected,
            long poisonDeadLettered, List<String> otherDeadLetters, Map<String, Long> sagaStates) {
    }

    record Causal(int effects, int ordersWithEffects, long violations, long concurrentPairs, List<String> examples) {
    }

    record Window(String participant, String fault, Instant from, Instant until, long attempted, long accepted) {
    }

    record Timing(double longestStallSeconds, double recoverySeconds) {
    }

    /**
     * That the run reached the paths its faults are for: sagas that rolled forward past the pivot (ConfirmOrder sent
     * more often than a forward step may be before it is given up), orders ended by a saga that only cancels (their
     * OrderPlaced never became a saga), orders order-service's reconciler announced again or reported stalled, crash
     * rules that fired.
     */
    record Evidence(long rolledForward, Map<String, Long> cancelledWithoutSaga, long reannounced, long reportedStalled,
            long crashes) {
    }

    record Verdict(Load load, Terminal terminal, Effects effects, Payments money, Map<String, Integer> stockDrift,
            Messaging messaging, Causal causality, Timing timing, List<Window> acceptanceWhileDown, Evidence evidence,
            List<String> violations) {

        boolean passed() {
            return violations.isEmpty();
        }
    }

    private final List<String> violations = new ArrayList<>();

    /** @param maxAttempts sends of a forward command before the orchestrator gives it up (its /actuator/info) */
    static Verdict check(DataSet data, Snapshot snapshot, List<Placement> placements, List<Outcome> faults,
            List<DeadLetter> deadLetters, Instant healed, Instant quiescent, int maxAttempts) {
        return new Invariants().verdict(data, snapshot, placements, faults, deadLetters, healed, quiescent, maxAttempts);
    }

    private Verdict verdict(DataSet data, Snapshot snapshot, List<Placement> placements, List<Outcome> faults,
            List<DeadLetter> deadLetters, Instant healed, Instant quiescent, int maxAttempts) {
        Load load = load(snapshot, placements);
        Terminal terminal = terminal(snapshot, healed);
        Effects effects = effects(snapshot);
        Payments money = money(data, snapshot);
        Map<String, Integer> stockDrift = stock(data, snapshot);
        Messaging messaging = messaging(snapshot, faults, deadLetters, data.runId());
        Causal causality = causality(snapshot);
        Timing timing = new Timing(longestStall(snapshot), quiescent == null ? -1
                : Duration.between(healed, quiescent).toMillis() / 1000.0);
        List<Window> windows = acceptance(placements, faults);
        Evidence evidence = new Evidence(
                snapshot.sagas().values().stream().filter(saga -> saga.confirmSends() > maxAttempts).count(),
                snapshot.sagas().values().stream().filter(Snapshot.Saga::withoutOrder).collect(Collectors.groupingBy(
                        saga -> String.valueOf(saga.reason()), TreeMap::new, Collectors.counting())),
                snapshot.reconciled().getOrDefault("reannounced", 0L),
                snapshot.reconciled().getOrDefault("reportedStalled", 0L),
                faults.stream().filter(f -> f.kind() == FaultPlan.Kind.CRASH && f.triggered()).count());
        return new Verdict(load, terminal, effects, money, stockDrift, messaging, causality, timing, windows, evidence,
                List.copyOf(violations));
    }

    private Load load(Snapshot snapshot, List<Placement> placements) {
        long ok = placements.stream().filter(Placement::accepted).count();
        long client = placements.stream().filter(p -> p.status() >= 400 && p.status() < 500).count();
        long server = placements.stream().filter(p -> p.status() >= 500).count();
        long none = placements.stream().filter(p -> p.status() == 0).count();
        for (Placement placement : placements) {
            if (placement.accepted() && placement.orderId().map(UUID::fromString)
                    .filter(snapshot.orders()::containsKey).isEmpty()) {
                violations.add("lost order: placement " + placement.number() + " was answered 202 (order "
                        + placement.orderId().orElse("?") + ") but order-service has no such order");
            }
        }
        long withoutAnswer = placements.stream().filter(p -> !p.accepted())
                .filter(p -> snapshot.idempotencyKeys().containsKey(p.idempotencyKey())).count();
        List<Placement> overLimit = placements.stream().filter(Placement::overLimit).toList();
        for (Placement placement : overLimit) {
            if (placement.accepted() || snapshot.idempotencyKeys().containsKey(placement.idempotencyKey())) {
                violations.add("placement " + placement.number() + " breaks the field limits but was accepted: a later "
                        + "service may not be able to store it");
            }
        }
        return new Load(placements.size(), ok, client, server, none, snapshot.orders().size(), withoutAnswer,
                overLimit.size(), overLimit.stream().filter(p -> p.status() == 400).count());
    }

    private Terminal terminal(Snapshot snapshot, Instant healed) {
        long stuck = 0;
        long late = 0;
        List<Double> completions = new ArrayList<>();
        for (Order order : snapshot.orders().values()) {
            if (!order.terminal()) {
                stuck++;
                violations.add("stuck order " + order.id() + ": still " + order.status() + " (saga "
                        + saga(snapshot, order.id()) + ")");
                continue;
            }
            completions.add(Duration.between(order.createdAt(), order.updatedAt()).toMillis() / 1000.0);
            Instant deadline = max(order.createdAt(), healed).plus(TERMINAL_WITHIN);
            if (order.updatedAt().isAfter(deadline)) {
                late++;
                violations.add("order " + order.id() + " became " + order.status() + " only "
                        + seconds(Duration.between(max(order.createdAt(), healed), order.updatedAt()))
                        + " s after it came or the faults healed (limit " + TERMINAL_WITHIN.toSeconds() + " s)");
            }
        }
        completions.sort(Comparator.naturalOrder());
        Map<String, Long> reasons = snapshot.orders().values().stream().filter(o -> "CANCELLED".equals(o.status()))
                .collect(Collectors.groupingBy(o -> String.valueOf(o.reason()), TreeMap::new, Collectors.counting()));
        return new Terminal(snapshot.orders().size(), count(snapshot, "CONFIRMED"), count(snapshot, "CANCELLED"), stuck,
                late, percentile(completions, 0.5), percentile(completions, 0.99), percentile(completions, 1.0), reasons);
    }

    private Effects effects(Snapshot snapshot) {
        long incomplete = 0;
        long leftovers = 0;
        for (Order order : snapshot.orders().values()) {
            List<Money> moved = snapshot.moneyMoved().getOrDefault(order.id(), List.of());
            BigDecimal charged = sum(moved, "CHARGE");
            BigDecimal refunded = sum(moved, "REFUND");
            Snapshot.Reservation reservation = snapshot.reservations().get(order.id());
            Snapshot.Payment payment = snapshot.payments().get(order.id());
            Snapshot.Shipment shipment = snapshot.shipments().get(order.id());
            if ("CONFIRMED".equals(order.status())) {
                List<String> missing = new ArrayList<>();
                if (reservation == null || !reservation.status().equals("RESERVED")
                        || !reservation.lines().equals(order.lines())) {
                    missing.add("stock reserved for its lines (" + (reservation == null ? "no reservation"
                            : reservation.status() + " " + reservation.lines()) + ")");
                }
                if (payment == null || !payment.status().equals("CHARGED") || charged.compareTo(order.total()) != 0
                        || refunded.signum() != 0) {
                    missing.add("its total " + order.total() + " charged once and kept (charged " + charged
                            + ", refunded " + refunded + ")");
                }
                if (shipment == null || !shipment.status().equals("CREATED")) {
                    missing.add("a shipment (" + (shipment == null ? "none" : shipment.status()) + ")");
                }
                if (!missing.isEmpty()) {
                    incomplete++;
                    violations.add("CONFIRMED order " + order.id() + " lacks " + String.join(", ", missing));
                }
            } else if ("CANCELLED".equals(order.status())) {
                List<String> kept = new ArrayList<>();
                if (reservation != null && reservation.status().equals("RESERVED")) {
                    kept.add("stock still reserved " + reservation.lines());
                }
                if ((payment != null && payment.status().equals("CHARGED")) || charged.compareTo(refunded) != 0) {
                    kept.add("money kept (charged " + charged + ", refunded " + refunded + ")");
                }
                if (shipment != null && shipment.status().equals("CREATED")) {
                    kept.add("a shipment still CREATED");
                }
                if (!kept.isEmpty()) {
                    leftovers++;
                    violations.add("CANCELLED order " + order.id() + " (" + order.reason() + ") has "
                            + String.join(", ", kept));
                }
            }
        }
        return new Effects(incomplete, leftovers);
    }

    private Payments money(DataSet data, Snapshot snapshot) {
        long doubleCharges = 0;
        for (Map.Entry<UUID, List<Money>> moved : snapshot.moneyMoved().entrySet()) {
            long charges = moved.getValue().stream().filter(m -> m.type().equals("CHARGE")).count();
            long refunds = moved.getValue().stream().filter(m -> m.type().equals("REFUND")).count();
            if (charges > 1 || refunds > 1) {
                doubleCharges++;
                violations.add("order " + moved.getKey() + " was charged " + charges + " times and refunded " + refunds
                        + " times");
            }
        }
        long withoutOrder = snapshot.moneyMoved().keySet().stream().filter(id -> !snapshot.orders().containsKey(id))
                .count();
        if (withoutOrder > 0) {
            violations.add(withoutOrder + " payment(s) of the run's customers belong to no order order-service knows");
        }
        Map<String, BigDecimal> drift = new TreeMap<>();
        for (DataSet.Customer customer : data.customers()) {
            BigDecimal spent = snapshot.orders().values().stream()
                    .filter(o -> o.customerId().equals(customer.id()) && "CONFIRMED".equals(o.status()))
                    .map(Order::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal expected = customer.balance().subtract(spent);
            BigDecimal actual = snapshot.balances().get(customer.id());
            BigDecimal off = actual == null ? expected.negate() : actual.subtract(expected);
            drift.put(customer.id(), off);
            if (off.signum() != 0) {
                violations.add("customer " + customer.id() + ": balance " + actual + ", expected " + expected
                        + " (started with " + customer.balance() + ", confirmed orders " + spent + ")");
            }
        }
        return new Payments(doubleCharges, withoutOrder, drift);
    }

    private Map<String, Integer> stock(DataSet data, Snapshot snapshot) {
        Map<String, Integer> drift = new TreeMap<>();
        for (DataSet.Item item : data.items()) {
            int sold = snapshot.orders().values().stream().filter(o -> "CONFIRMED".equals(o.status()))
                    .mapToInt(o -> o.lines().getOrDefault(item.sku(), 0)).sum();
            int expected = item.stock() - sold;
            Integer actual = snapshot.stock().get(item.sku());
            int off = actual == null ? -expected : actual - expected;
            drift.put(item.sku(), off);
            if (off != 0) {
                violations.add("item " + item.sku() + ": stock " + actual + ", expected " + expected + " (started with "
                        + item.stock() + ", " + sold + " in confirmed orders)");
            }
        }
        return drift;
    }

    private Messaging messaging(Snapshot snapshot, List<Outcome> faults, List<DeadLetter> deadLetters, String runId) {
        snapshot.unreadable().forEach(missing -> violations.add("cannot check, the schema lacks " + missing));
        snapshot.unpublishedOutbox().forEach((service, rows) -> {
            if (rows > 0) {
                violations.add(service + " has " + rows + " outbox message(s) never published");
            }
        });
        snapshot.parkedOutbox().forEach((service, rows) -> {
            if (rows > 0) {
                violations.add(service + " parked " + rows + " outbox message(s) it could not publish");
            }
        });
        long unpublishable = 0;
        long unpublishableParked = 0;
        for (Outcome fault : faults.stream().filter(f -> f.kind() == FaultPlan.Kind.UNPUBLISHABLE).toList()) {
            for (Map.Entry<String, Long> injected : fault.counts().entrySet()) {
                for (int n = 0; n < injected.getValue(); n++) {
                    UUID key = UnpublishableRows.key(runId, n);
                    Snapshot.OutboxRow row = snapshot.unpublishable().stream()
                            .filter(r -> r.service().equals(injected.getKey()) && r.key().equals(key))
                            .findFirst().orElse(null);
                    unpublishable++;
                    if (row == null) {
                        violations.add("outbox row " + key + " written into " + injected.getKey() + " is gone");
                    } else if (row.published()) {
                        violations.add(injected.getKey() + " published outbox row " + key
                                + ", which no broker should accept");
                    } else if (!row.parked()) {
                        violations.add(injected.getKey() + " never parked outbox row " + key + " ("
                                + row.refusals() + " refusals): a row the broker refuses must not be retried forever");
                    } else {
                        unpublishableParked++;
                    }
                }
            }
        }
        long delivered = faults.stream().filter(f -> f.kind() == FaultPlan.Kind.DUPLICATES)
                .flatMap(f -> f.counts().values().stream()).mapToLong(Long::longValue).sum();
        Map<String, Long> perEffect = snapshot.effects().stream()
                .collect(Collectors.groupingBy(e -> e.orderId() + " " + e.effect(), Collectors.counting()));
        long applied = perEffect.values().stream().mapToLong(n -> n - 1).sum();
        perEffect.forEach((key, n) -> {
            if (n > 1) {
                violations.add("effect applied " + n + " times: " + key);
            }
        });
        long injected = faults.stream().filter(f -> f.kind() == FaultPlan.Kind.POISON)
                .flatMap(f -> f.counts().values().stream()).mapToLong(Long::longValue).sum();
        long poisoned = deadLetters.stream().filter(d -> d.poisonId() != null && d.poisonId().startsWith(runId + "-"))
                .map(DeadLetter::poisonId).distinct().count();
        if (poisoned != injected) {
            violations.add(injected + " poison message(s) injected, " + poisoned + " found on dead-letter topics");
        }
        List<String> others = deadLetters.stream().filter(d -> d.poisonId() == null)
                .map(d -> d.topic() + " " + d.type() + " (" + d.exception() + ")").toList();
        for (String other : others) {
            if (infrastructure(other)) {
                violations.add("dead-lettered while a dependency was away (must wait and retry instead): " + other);
            }
        }
        Map<String, Long> sagaStates = snapshot.sagas().values().stream()
                .collect(Collectors.groupingBy(Snapshot.Saga::state, TreeMap::new, Collectors.counting()));
        long failed = sagaStates.getOrDefault("FAILED", 0L);
        if (failed > 0) {
            violations.add(failed + " saga(s) parked as FAILED");
        }
        return new Messaging(snapshot.unpublishedOutbox(), snapshot.parkedOutbox(), unpublishable,
                unpublishableParked, delivered, applied, injected, poisoned, others, sagaStates);
    }

    private Causal causality(Snapshot snapshot) {
        Map<UUID, List<Effect>> byOrder = snapshot.effects().stream()
                .collect(Collectors.groupingBy(Effect::orderId, LinkedHashMap::new, Collectors.toList()));
        long broken = 0;
        long concurrent = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<UUID, List<Effect>> order : byOrder.entrySet()) {
            Map<String, VectorClock> clocks = new LinkedHashMap<>();
            order.getValue().forEach(effect -> clocks.putIfAbsent(effect.effect(), effect.clock()));
            List<String> problems = new ArrayList<>();
            VectorClock placed = clocks.get("order.placed");
            if (placed != null) {
                clocks.forEach((name, clock) -> {
                    if (!name.equals("order.placed") && !placed.happenedBefore(clock)) {
                        problems.add(name + " not after order.placed");
                    }
                });
            }
            for (List<String> pair : CAUSES) {
                VectorClock cause = clocks.get(pair.get(0));
                VectorClock effect = clocks.get(pair.get(1));
                if (cause != null && effect != null && !cause.happenedBefore(effect)) {
                    problems.add(pair.get(1) + " " + relation(effect.compare(cause)) + " " + pair.get(0));
                }
            }
            // the order's end knew of everything that happened to it: an effect not before it was missed by the
            // decision to confirm or cancel (a lost saga step, a late command applied after the end)
            VectorClock end = clocks.containsKey("order.confirmed") ? clocks.get("order.confirmed")
                    : clocks.get("order.cancelled");
            if (end != null) {
                clocks.forEach((name, clock) -> {
                    if (!name.equals("order.confirmed") && !name.equals("order.cancelled") && !clock.happenedBefore(end)) {
                        problems.add(name + " " + relation(clock.compare(end)) + " the order's end");
                    }
                });
            }
            VectorClock cancelled = clocks.get("order.cancelled");
            for (String forward : NEVER_AFTER_CANCELLATION) {
                VectorClock clock = clocks.get(forward);
                if (cancelled != null && clock != null && cancelled.happenedBefore(clock)) {
                    problems.add(forward + " after order.cancelled");
                }
            }
            List<Effect> effects = order.getValue();
            for (int i = 0; i < effects.size(); i++) {
                for (int j = i + 1; j < effects.size(); j++) {
                    if (effects.get(i).clock().compare(effects.get(j).clock()) == Causality.CONCURRENT) {
                        concurrent++;
                        if (examples.size() < 10) {
                            examples.add("concurrent in order " + order.getKey() + ": " + effects.get(i).effect() + " "
                                    + effects.get(i).clock() + " | " + effects.get(j).effect() + " " + effects.get(j).clock());
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                broken += problems.size();
                violations.add("causality in order " + order.getKey() + ": " + String.join("; ", problems));
            }
        }
        return new Causal(snapshot.effects().size(), byOrder.size(), broken, concurrent, examples);
    }

    /**
     * The longest time during the run in which orders were in flight and none of them reached CONFIRMED or CANCELLED,
     * from order-service's own timestamps (created, last updated).
     */
    static double longestStall(Snapshot snapshot) {
        record Event(Instant at, int change) {
        }
        List<Event> events = new ArrayList<>();
        for (Order order : snapshot.orders().values()) {
            events.add(new Event(order.createdAt(), +1));
            if (order.terminal()) {
                events.add(new Event(order.updatedAt(), -1));
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::change));
        int inFlight = 0;
        Instant since = null;
        Duration longest = Duration.ZERO;
        for (Event event : events) {
            if (event.change() < 0 && since != null) {
                Duration stall = Duration.between(since, event.at());
                longest = stall.compareTo(longest) > 0 ? stall : longest;
                since = event.at();
            }
            if (inFlight == 0 && event.change() > 0) {
                since = event.at();
            }
            inFlight += event.change();
            if (inFlight == 0) {
                since = null;
            }
        }
        return seconds(longest);
    }

    private List<Window> acceptance(List<Placement> placements, List<Outcome> faults) {
        List<Window> windows = new ArrayList<>();
        for (Outcome fault : faults) {
            if (fault.down() == null || fault.downFrom() == null || fault.downUntil() == null) {
                continue;
            }
            List<Placement> during = placements.stream().filter(p -> !p.overLimit())
                    .filter(p -> !p.due().isBefore(fault.downFrom()) && p.due().isBefore(fault.downUntil())).toList();
            long accepted = during.stream().filter(Placement::accepted).count();
            String participant = fault.down();
            windows.add(new Window(participant, fault.description(), fault.downFrom(), fault.downUntil(), during.size(),
                    accepted));
            if (FaultRunner.PARTICIPANTS.contains(participant) && !during.isEmpty()
                    && accepted < ACCEPTANCE_WHILE_DOWN * during.size()) {
                violations.add("only " + accepted + " of " + during.size() + " orders accepted while " + participant
                        + " was down (" + fault.description() + "); order placement must not need it");
            }
        }
        return windows;
    }

    /** The causes of dead letters that mean "a dependency was away", which consumers must wait out, not give up on. */
    private static boolean infrastructure(String deadLetter) {
        return Set.of("CannotCreateTransactionException", "DataAccessResourceFailureException",
                "CannotGetJdbcConnectionException", "SQLTransientConnectionException", "RecoverableDataAccessException",
                "JDBCConnectionException", "PSQLException: Connection")
                .stream().anyMatch(deadLetter::contains);
    }

    private static String relation(Causality causality) {
        return switch (causality) {
            case BEFORE -> "happened before";
            case AFTER -> "after";
            case EQUAL -> "at the same clock as";
            case CONCURRENT -> "concurrent with";
        };
    }

    private static String saga(Snapshot snapshot, UUID orderId) {
        Snapshot.Saga saga = snapshot.sagas().get(orderId);
        return saga == null ? "none" : saga.state() + (saga.reason() == null ? "" : " " + saga.reason());
    }

    private static long count(Snapshot snapshot, String status) {
        return snapshot.orders().values().stream().filter(o -> status.equals(o.status())).count();
    }

    private static BigDecimal sum(List<Money> moved, String type) {
        return moved.stream().filter(m -> m.type().equals(type)).map(Money::amount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static double percentile(List<Double> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
