package io.microplatform.localstack.chaos;

import io.microplatform.localstack.chaos.FaultRunner.Outcome;
import io.microplatform.localstack.chaos.Invariants.Verdict;
import io.microplatform.localstack.chaos.KafkaFaults.DeadLetter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * One chaos run: its own data set, orders at a steady rate for the duration while the seed's faults hit the stack,
 * then every fault healed, a wait until the platform is quiet, and the verdict from every service's data. The report
 * goes to {@code $PLATFORM_HOME/chaos/chaos-<run id>.json}; the last line printed is its summary.
 */
public final class ChaosRun {

    /** No faults at first: orders flow and order-service's price cache fills. */
    static final Duration WARM_UP = Duration.ofSeconds(8);
    /** After the heal, how long to wait for every order to end and every outbox to drain before judging. */
    static final Duration QUIESCENCE_LIMIT = Invariants.TERMINAL_WITHIN.plusSeconds(30);

    private final StackControl stack;
    private final ChaosOptions options;

    public ChaosRun(StackControl stack, ChaosOptions options) {
        this.stack = stack;
        this.options = options;
    }

    /** @return true when every invariant held */
    public boolean run() throws Exception {
        String runId = "s" + options.seed() + "-" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        stack.say(String.format(Locale.ROOT, "chaos run %s: seed %d, %d s of orders at %s/s", runId, options.seed(),
                options.duration().toSeconds(), options.rate()));
        stack.startMissing();
        Random random = new Random(options.seed());
        DataSet data = DataSet.generate(options.seed(), runId, random);
        data.create(stack);
        stack.say("data set: " + data.customers().size() + " customers, " + data.items().size() + " items (prefix "
                + data.customerPrefix() + ")");
        List<String> instances = stack.processes().stream().filter(p -> p.alive() && p.port() > 0)
                .map(StackControl.Process::instance).filter(i -> !i.equals("postgres") && !i.equals("kafka")
                        && !i.equals("trace-store") && !i.equals("infrastructure")).toList();
        FaultPlan.Timings timings = timings();
        FaultPlan plan = FaultPlan.of(options.seed(), options.duration(), WARM_UP, instances, timings);
        plan.outages().forEach(f -> stack.say(String.format(Locale.ROOT, "  plan +%3ds %s: %s", f.at().toSeconds(),
                f.kind(), f.point())));
        plan.extras().forEach(f -> stack.say(String.format(Locale.ROOT, "  plan +%3ds %s: %s", f.at().toSeconds(),
                f.kind(), f.point())));

        KafkaFaults kafka = new KafkaFaults(stack.kafkaBootstrapServers(), runId, new Random(options.seed() + 1));
        FaultRunner faults = new FaultRunner(stack, kafka);
        Workload workload = new Workload(stack.orderService(), data, new Random(options.seed() + 2), options.rate());
        Instant loadStarted = Instant.now();
        long startNanos = System.nanoTime();
        long endNanos = startNanos + options.duration().toNanos();
        Thread outages = new Thread(() -> faults.runOutages(plan.outages(), startNanos, endNanos), "chaos-outages");
        Thread extras = new Thread(() -> faults.runExtras(plan.extras(), startNanos), "chaos-extras");
        outages.start();
        extras.start();
        workload.run(options.duration(), () -> progress(workload, startNanos));
        Instant loadEnded = Instant.now();
        faults.stop();
        outages.join();
        extras.join();
        stack.say("load done: " + workload.placed() + " placed; healing every fault ...");
        Instant healed = faults.healAll();
        List<Workload.Placement> placements = workload.finish();
        stack.say("healed; waiting until every order has ended and every outbox is empty ...");
        Instant quiescent = awaitQuiescence(data, healed);
        List<DeadLetter> deadLetters = deadLetters(kafka, loadStarted, faults.outcomes());
        Snapshot snapshot = Snapshot.read(stack, data);
        List<Outcome> outcomes = faults.outcomes();
        Verdict verdict = Invariants.check(data, snapshot, placements, outcomes, deadLetters, healed, quiescent,
                timings.maxAttempts());
        ChaosReport report = new ChaosReport(runId, options.seed(), options.duration().toSeconds(), options.rate(),
                loadStarted, loadEnded, healed, quiescent, data, List.copyOf(plan.outages()), outcomes, verdict,
                verdict.passed());
        try {
            UnpublishableRows.removeParked(stack);
        } catch (SQLException e) {
            stack.say("could not delete the parked chaos rows from the outboxes: " + e.getMessage());
        }
        Path file = report.write(stack.reports());
        verdict.violations().stream().limit(20).forEach(v -> stack.say("VIOLATION " + v));
        if (verdict.violations().size() > 20) {
            stack.say("... " + (verdict.violations().size() - 20) + " more in the report");
        }
        stack.say("report: " + file);
        stack.say(report.summary());
        return verdict.passed();
    }

    /** The stack's saga and reconciliation timings from the services' /actuator/info; the defaults where missing. */
    private FaultPlan.Timings timings() {
        FaultPlan.Timings defaults = FaultPlan.Timings.DEFAULTS;
        try {
            com.fasterxml.jackson.databind.JsonNode saga = stack.info("saga-orchestrator").path("saga");
            com.fasterxml.jackson.databind.JsonNode reconciliation = stack.info("order-service").path("reconciliation");
            FaultPlan.Timings timings = new FaultPlan.Timings(
                    duration(saga.path("giveUpAfter").asText(), defaults.giveUpAfter()),
                    saga.path("maxAttempts").asInt(defaults.maxAttempts()),
                    duration(reconciliation.path("stalledAfter").asText(), defaults.stalledAfter()),
                    duration(reconciliation.path("interval").asText(), defaults.reconcileInterval()));
            stack.say("stack timings: a silent step is given up after " + timings.giveUpAfter().toSeconds()
                    + " s, a PENDING order reported stalled after " + timings.stalledAfter().toSeconds() + " s");
            return timings;
        } catch (RuntimeException e) {
            stack.say("cannot read the stack's timings (" + e.getMessage() + "); assuming the defaults");
            return defaults;
        }
    }

    private static Duration duration(String iso, Duration fallback) {
        try {
            return iso.isEmpty() ? fallback : Duration.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }

    private void progress(Workload workload, long startNanos) {
        long second = (System.nanoTime() - startNanos) / 1_000_000_000L;
        if (second > 0 && second % 5 == 0) {
            stack.say(String.format(Locale.ROOT, "  +%3ds  %d placed, %d answered", second, workload.placed(),
                    workload.answered()));
        }
    }

    /** @return when the run's orders had all ended and no outbox held anything; null if that never happened */
    private Instant awaitQuiescence(DataSet data, Instant healed) {
        if (Snapshot.awaitQuiet(stack, data, QUIESCENCE_LIMIT) == null) {
            stack.say("not quiet " + QUIESCENCE_LIMIT.toSeconds() + " s after the heal");
            return null;
        }
        Instant now = Instant.now();
        stack.say(String.format(Locale.ROOT, "quiet %.1f s after the heal", Duration.between(healed, now).toMillis() / 1000.0));
        return now;
    }

    /** The poison goes to the dead-letter topics after the consumers' retries: wait until it is all there (or 30 s). */
    private static List<DeadLetter> deadLetters(KafkaFaults kafka, Instant since, List<Outcome> faults) {
        long injected = faults.stream().filter(f -> f.kind() == FaultPlan.Kind.POISON)
                .flatMap(f -> f.counts().values().stream()).mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<DeadLetter> found = kafka.deadLetters(since);
        while (found.stream().filter(d -> d.poisonId() != null && d.poisonId().startsWith(kafka.runId() + "-"))
                .count() < injected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000_000L);
            found = kafka.deadLetters(since);
        }
        return found;
    }
}
