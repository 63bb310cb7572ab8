package io.microplatform.localstack.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The faults of one run, chosen by its seed: outages one after the other (so each outage window has one cause), and
 * duplicate deliveries, poison messages and unpublishable outbox rows at random moments on top. The same seed and stack give the same plan.
 */
record FaultPlan(List<Fault> outages, List<Fault> extras) {

    enum Kind {
        /** kill -9 of a service instance (or all of a service's), restarted after the hold */
        KILL,
        /** the JVM halts at a chosen point of handling a message or request (fault rule "crash") */
        CRASH,
        /** kill -9 of the Kafka broker, restarted after the hold (data kept) */
        BROKER_KILL,
        /** immediate stop of PostgreSQL, restarted after the hold (crash recovery) */
        POSTGRES_STOP,
        /** SIGSTOP of a service instance for the hold, then SIGCONT */
        PAUSE,
        /** latency on calls (fault rules) for the hold */
        SLOW_CALLS,
        /** errors on calls (fault rules) for the hold */
        FAILING_CALLS,
        /**
         * the orchestrator cannot process any OrderPlaced for the hold (longer than order-service's stalled-after):
         * each is dead-lettered, the orders stay PENDING until order-service's reconciler announces them again or
         * reports them stalled, and the orchestrator cancels those without a saga
         */
        UNPROCESSABLE,
        /**
         * order-service handles a ConfirmOrder only after the saga's give-up time (a latency rule on its handler): the
         * confirmation may apply after the saga stopped waiting, so the saga must roll forward, never compensate
         */
        SLOW_CONFIRMATION,
        /** copies of the commands and replies on the topics, delivered a second time */
        DUPLICATES,
        /** malformed, unknown-type and semantically invalid records on the topics */
        POISON,
        /** outbox rows too large for the broker in one service's outbox: parked after bounded attempts */
        UNPUBLISHABLE
    }

    /**
     * @param at when it starts, from the start of the load
     * @param hold how long it lasts before it is healed (for a crash: how long to wait for it to happen)
     * @param targets the instances or services it hits
     * @param rule the fault injection rule (target and effect) for CRASH, SLOW_CALLS and FAILING_CALLS
     * @param point what the fault demonstrates, in words
     */
    record Fault(Kind kind, Duration at, Duration hold, List<String> targets, Map<String, Object> rule, String point) {
    }

    /** Where a crash can be placed: the service, the rule's target, the crash point, and what that interrupts. */
    record CrashSite(String service, String targetType, String targetName, String crash, String point) {
    }

    static final List<CrashSite> CRASH_SITES = List.of(
            new CrashSite("order-service", "inbound-http", "/api/orders", "after-commit",
                    "order placed and committed, OrderPlaced still in the outbox"),
            new CrashSite("order-service", "kafka", "order.ConfirmOrder", "after-commit",
                    "order confirmed and committed, OrderConfirmed still in the outbox"),
            new CrashSite("inventory-service", "kafka", "inventory.ReserveStock", "before-commit",
                    "ReserveStock consumed, the reservation not yet committed"),
            new CrashSite("inventory-service", "kafka", "inventory.ReleaseStock", "after-commit",
                    "inside a compensation: stock released and committed, the reply unpublished"),
            new CrashSite("payment-service", "kafka", "payment.ChargePayment", "after-commit",
                    "charge committed, PaymentCharged still in the outbox"),
            new CrashSite("payment-service", "kafka", "payment.RefundPayment", "before-commit",
                    "inside a compensation: refund consumed, not yet committed"),
            new CrashSite("shipping-service", "kafka", "shipping.CreateShipment", "before-commit",
                    "CreateShipment consumed, the shipment not yet committed"),
            new CrashSite("saga-orchestrator", "kafka", "order.OrderPlaced", "before-commit",
                    "OrderPlaced consumed, the saga not yet committed"),
            new CrashSite("saga-orchestrator", "kafka", "payment.PaymentCharged", "after-commit",
                    "saga moved on and committed, CreateShipment still in the outbox"));

    static final List<Map<String, Object>> SLOW = List.of(
            rule("shipping-service", "inbound-http", "/api/shipping/quotes", Map.of("latency", "2s")),
            rule("payment-service", "inbound-http", "/simulated/payment-provider/**",
                    Map.of("latency", "1500ms", "jitter", "500ms")),
            rule("inventory-service", "inbound-http", "/api/inventory/items/**", Map.of("latency", "1500ms")));

    static final List<Map<String, Object>> FAILING = List.of(
            rule("order-service", "outbound-http", "inventory-service", Map.of("errorRate", 0.5)),
            rule("shipping-service", "inbound-http", "/api/shipping/quotes", Map.of("errorRate", 1.0)),
            rule("payment-service", "inbound-http", "/simulated/payment-provider/**", Map.of("errorRate", 0.3)),
            rule("shipping-service", "inbound-http", "/simulated/carrier/**", Map.of("errorRate", 0.3)));

    /** Every kind of outage; a run draws each once, in the seed's order, before any repeats. */
    private static final List<String> OUTBOX_SERVICES = List.of("order-service", "inventory-service",
            "payment-service", "shipping-service", "saga-orchestrator");

    private static final List<Kind> OUTAGES = List.of(Kind.KILL, Kind.CRASH, Kind.BROKER_KILL, Kind.POSTGRES_STOP,
            Kind.PAUSE, Kind.SLOW_CALLS, Kind.FAILING_CALLS, Kind.UNPROCESSABLE, Kind.SLOW_CONFIRMATION);

    /**
     * The stack's own patience, from its /actuator/info, which some faults must outlast to reach the paths they test.
     *
     * @param giveUpAfter how long the orchestrator waits for a forward step before it compensates (TIMED_OUT)
     * @param maxAttempts how often it sends a forward command before that
     * @param stalledAfter how long order-service lets an order be PENDING before it reports it stalled
     * @param reconcileInterval how often order-service's reconciler looks
     */
    record Timings(Duration giveUpAfter, int maxAttempts, Duration stalledAfter, Duration reconcileInterval) {

        /** The services' defaults (saga-orchestrator/README.md, order-service's application.yml). */
        static final Timings DEFAULTS = new Timings(Duration.ofSeconds(70), 3, Duration.ofSeconds(30),
                Duration.ofSeconds(5));
    }

    /**
     * About how long each kind takes beyond its hold (mostly a restart). Only a planning figure: the runner starts an
     * outage when its time has come and the previous one is over, whichever is later.
     */
    private static Duration recovery(Kind kind) {
        return switch (kind) {
            case KILL, CRASH -> Duration.ofSeconds(10);
            case SLOW_CONFIRMATION -> Duration.ofSeconds(2);
            case BROKER_KILL -> Duration.ofSeconds(6);
            case POSTGRES_STOP -> Duration.ofSeconds(4);
            default -> Duration.ofSeconds(1);
        };
    }

    /**
     * @param warmUp no faults before it: orders flow and order-service's price cache fills, so an inventory outage can
     *        be answered from it
     * @param instances the running business service instances (order-service, inventory-service-2, ...)
     */
    static FaultPlan of(long seed, Duration duration, Duration warmUp, List<String> instances) {
        return of(seed, duration, warmUp, instances, Timings.DEFAULTS);
    }

    static FaultPlan of(long seed, Duration duration, Duration warmUp, List<String> instances, Timings timings) {
        Random random = new Random(seed);
        List<Kind> kinds = new ArrayList<>(OUTAGES);
        Collections.shuffle(kinds, random);
        List<Fault> outages = new ArrayList<>();
        Duration at = warmUp;
        Duration lastStart = duration.minusSeconds(6);
        for (int i = 0; at.compareTo(lastStart) <= 0; i++) {
            Kind kind = kinds.get(i % kinds.size());
            Fault fault = outage(kind, at, random, instances, timings);
            if (at.plus(fault.hold()).compareTo(duration) > 0 && (kind == Kind.SLOW_CONFIRMATION
                    || kind == Kind.UNPROCESSABLE)) {
                // it would not reach the path it is for before the load ends: the next kind instead
                continue;
            }
            outages.add(fault);
            at = at.plus(fault.hold()).plus(recovery(kind)).plusSeconds(2 + random.nextInt(3));
        }
        long window = Math.max(1, duration.minus(warmUp).toSeconds() - 8);
        List<Fault> extras = List.of(
                new Fault(Kind.DUPLICATES, warmUp.plusSeconds(random.nextLong(window)), Duration.ofSeconds(10),
                        List.of("inventory-commands", "payment-commands", "shipping-commands", "order-commands",
                                "saga-replies"), Map.of(), "every other command and reply delivered twice"),
                new Fault(Kind.POISON, warmUp.plusSeconds(random.nextLong(window)), Duration.ZERO, List.of(),
                        Map.of("count", 3 + random.nextInt(4)), "malformed, unknown-type and invalid records"),
                unpublishable(warmUp.plusSeconds(random.nextLong(window)), random));
        return new FaultPlan(List.copyOf(outages), extras);
    }

    /** Drawn after the other faults, so adding it left every seed's earlier draws as they were. */
    private static Fault unpublishable(Duration at, Random random) {
        String service = OUTBOX_SERVICES.get(random.nextInt(OUTBOX_SERVICES.size()));
        int count = 1 + random.nextInt(2);
        return new Fault(Kind.UNPUBLISHABLE, at, Duration.ZERO, List.of(service), Map.of("count", count),
                count + " outbox row(s) too large for the broker in " + service + "'s outbox: parked, the rest flows");
    }

    private static Fault outage(Kind kind, Duration at, Random random, List<String> instances, Timings timings) {
        List<String> business = instances.stream().filter(i -> !i.startsWith("registry-service")).toList();
        return switch (kind) {
            case KILL -> {
                String instance = business.get(random.nextInt(business.size()));
                // now and then every instance of the service at once: then it is really down, not just one fewer
                String target = random.nextInt(3) == 0 ? serviceOf(instance) : alone(instance);
                yield new Fault(kind, at, seconds(random, 3, 10), List.of(target), Map.of(), "kill -9 " + target);
            }
            case CRASH -> {
                CrashSite site = CRASH_SITES.get(random.nextInt(CRASH_SITES.size()));
                yield new Fault(kind, at, Duration.ofSeconds(15), List.of(site.service()),
                        rule(site.service(), site.targetType(), site.targetName(), Map.of("crash", site.crash())),
                        site.service() + " halts " + site.crash() + " of " + site.targetName() + ": " + site.point());
            }
            case BROKER_KILL -> new Fault(kind, at, seconds(random, 3, 10), List.of("kafka"), Map.of(), "kill -9 kafka");
            case POSTGRES_STOP -> new Fault(kind, at, seconds(random, 2, 8), List.of("postgres"), Map.of(),
                    "immediate stop of postgres");
            case PAUSE -> {
                int choice = random.nextInt(3);
                if (choice == 0 && business.contains("order-service")) {
                    // long enough to outlast the saga's give-up time when the stack runs with short step timeouts
                    // (CI does): ConfirmOrders go unanswered, and the saga must roll forward, not compensate
                    yield new Fault(kind, at, seconds(random, 20, 25), List.of("order-service"), Map.of(),
                            "SIGSTOP order-service, past the saga's give-up time");
                }
                // the orchestrator: paused past its lease, another instance must take the sweeper over
                String instance = alone(choice == 1 && business.stream().anyMatch(i -> i.startsWith("saga-orchestrator"))
                        ? business.stream().filter(i -> i.startsWith("saga-orchestrator")).toList().get(0)
                        : business.get(random.nextInt(business.size())));
                yield new Fault(kind, at, seconds(random, 8, 15), List.of(instance), Map.of(), "SIGSTOP " + instance);
            }
            case UNPROCESSABLE -> {
                // a quarter of the orders, the same ones every time (by order id): their OrderPlaced, and every
                // announcement of it, fails and is dead-lettered, while the others' go on (failing them all would pile
                // up a backlog that hides the path: the stall report would queue behind the OrderPlaced records)
                Map<String, Object> rule = rule("saga-orchestrator", "kafka", "order.OrderPlaced",
                        Map.of("errorRate", 1.0, "keyShare", 0.25));
                // long enough that the first orders of the window are reported stalled while it lasts
                Duration hold = timings.stalledAfter().plus(timings.reconcileInterval()).plusSeconds(5);
                yield new Fault(kind, at, hold, List.of("saga-orchestrator"), rule,
                        "the OrderPlaced of a quarter of the orders fails in the orchestrator (dead-lettered) for "
                                + hold.toSeconds() + " s: those orders must still end");
            }
            case SLOW_CONFIRMATION -> {
                Duration late = timings.giveUpAfter().plusSeconds(3);
                Map<String, Object> rule = rule("order-service", "kafka", "order.ConfirmOrder",
                        Map.of("latency", late.toMillis() + "ms"));
                yield new Fault(kind, at, late.plusSeconds(3), List.of("order-service"), rule,
                        "order-service handles a ConfirmOrder " + late.toSeconds() + " s late, after the saga's "
                                + timings.giveUpAfter().toSeconds() + " s give-up time: it must roll forward");
            }
            case SLOW_CALLS -> callsFault(kind, at, random, SLOW, "slow");
            case FAILING_CALLS -> callsFault(kind, at, random, FAILING, "failing");
            case DUPLICATES, POISON, UNPUBLISHABLE -> throw new IllegalArgumentException(kind + " is not an outage");
        };
    }

    /** One of {@code rules}, drawn, on its service for 6 to 12 s; {@code effect} says what it does to the calls. */
    private static Fault callsFault(Kind kind, Duration at, Random random, List<Map<String, Object>> rules,
            String effect) {
        Map<String, Object> rule = rules.get(random.nextInt(rules.size()));
        return new Fault(kind, at, seconds(random, 6, 12), List.of((String) rule.get("service")), rule,
                effect + " " + describe(rule));
    }

    /** order-service-2 -> order-service */
    static String serviceOf(String instance) {
        return instance.replaceFirst("-[0-9]+$", "");
    }

    /**
     * The name that selects this one instance: a service's first instance is named like the service, which selects
     * every instance of it, so order-service -> order-service-1; order-service-2 stays.
     */
    static String alone(String instance) {
        return instance.matches(".*-[0-9]+$") ? instance : instance + "-1";
    }

    private static Duration seconds(Random random, int min, int max) {
        return Duration.ofSeconds(min + random.nextInt(max - min + 1));
    }

    /** A fault rule as POST /actuator/faults takes it, plus the service it goes to under "service". */
    private static Map<String, Object> rule(String service, String type, String name, Map<String, Object> effects) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("service", service);
        rule.put("target", Map.of("type", type, "name", name));
        rule.putAll(effects);
        return Collections.unmodifiableMap(rule);
    }

    private static String describe(Map<String, Object> rule) {
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) rule.get("target");
        StringBuilder text = new StringBuilder().append(target.get("type")).append(':').append(target.get("name"));
        rule.forEach((key, value) -> {
            if (!key.equals("service") && !key.equals("target")) {
                text.append(' ').append(key).append(' ').append(value);
            }
        });
        return text.append(" on ").append(rule.get("service")).toString();
    }
}
