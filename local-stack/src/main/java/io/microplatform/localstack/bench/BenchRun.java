package io.microplatform.localstack.bench;

import io.microplatform.localstack.chaos.DataSet;
import io.microplatform.localstack.chaos.StackControl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * {@code ./platform bench}: measures the running stack from outside. It creates customers and items of its own, warms
 * the stack up, then offers orders at rising constant rates (steps) until the platform no longer keeps up, runs a step
 * at half the highest rate it kept up with (where the targets are judged), measures the stack at rest and the ceilings
 * of PostgreSQL and Kafka on the same machine, and writes everything to {@code bench/results/}.
 */
public final class BenchRun {

    /** How long the stack may take to finish a step's sagas once the step stops sending. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(90);
    static final Duration REST = Duration.ofSeconds(15);

    private final StackControl stack;
    private final BenchOptions options;
    private final int postgresPort;
    private final String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    public BenchRun(StackControl stack, BenchOptions options, int postgresPort) {
        this.stack = stack;
        this.options = options;
        this.postgresPort = postgresPort;
    }

    /** @return the result, also written to the output folder */
    public BenchResult run() throws Exception {
        Instant started = Instant.now();
        stack.startMissing();
        DataSet data = DataSet.bench(runId, options.customers(), options.items());
        stack.say("bench " + runId + ": " + options.customers() + " customers and " + options.items()
                + " items of its own");
        data.create(stack);
        OpenLoad load = new OpenLoad(stack.orderService(), data, runId.hashCode());
        List<BenchResult.Step> steps = new ArrayList<>();
        BenchResult.Rest rest;
        Map<String, Long> resident;
        try (StackCounters counters = new StackCounters(stack)) {
            if (!options.warmup().isZero()) {
                stack.say(String.format(Locale.ROOT, "warm-up: %.0f orders/s for %d s", options.startRate(),
                        options.warmup().toSeconds()));
                step("warm-up", options.startRate(), options.warmup(), load, counters);
            }
            BenchResult.Step highest = null;
            for (double rate = options.startRate(); rate <= options.maxRate() + 1e-9; rate += options.rateStep()) {
                BenchResult.Step step = step("step", rate, options.step(), load, counters);
                steps.add(step);
                stack.say(step.line());
                if (!step.keptUp()) {
                    break;
                }
                highest = step;
            }
            if (highest != null) {
                double half = Math.max(1, Math.round(highest.offeredPerSecond() / 2));
                stack.say(String.format(Locale.ROOT, "half of the highest rate kept up with: %.0f orders/s", half));
                BenchResult.Step step = step("half", half, options.step(), load, counters);
                steps.add(step);
                stack.say(step.line());
            }
            rest = rest(counters);
            stack.say(String.format(Locale.ROOT, "at rest: %.1f ms of CPU per second over the whole stack",
                    rest.cpuMillisPerSecond()));
            resident = counters.residentBytes();
        }
        Ceiling ceiling = new Ceiling(postgresPort, stack.kafkaBootstrapServers(), Duration.ofSeconds(10));
        stack.say("ceiling: PostgreSQL, " + Ceiling.CLIENTS + " clients, a 3-statement outbox-shaped transaction ...");
        Ceiling.Database database = ceiling.database();
        stack.say("ceiling: Kafka's ProducerPerformance and ConsumerPerformance ...");
        Ceiling.Kafka kafka = ceiling.kafka(300_000);
        BenchResult result = BenchResult.of(runId, started, options, steps, rest, resident, database, kafka);
        result.summary().forEach(stack::say);
        return result;
    }

    /** Offers {@code rate} orders/s for {@code duration}, waits until its sagas have ended, and measures it. */
    private BenchResult.Step step(String phase, double rate, Duration duration, OpenLoad load, StackCounters counters)
            throws SQLException, InterruptedException {
        StackCounters.Reading before = counters.read();
        Instant from = Instant.now();
        OpenLoad.Sent sent = load.run(rate, duration);
        Instant to = Instant.now();
        Outcomes atEnd = outcomes(sent.accepted());
        Outcomes ended = atEnd;
        long waitUntil = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (ended.notEnded() > 0 && System.nanoTime() < waitUntil) {
            TimeUnit.MILLISECONDS.sleep(500);
            ended = outcomes(sent.accepted());
        }
        StackCounters.Reading after = counters.read();
        double windowSeconds = Duration.between(from, to).toNanos() / 1e9;
        long confirmedInWindow = ended.confirmedAt().values().stream().filter(at -> !at.isAfter(to)).count();
        Histogram saga = new Histogram(3);
        Map<UUID, Instant> due = new HashMap<>();
        sent.accepted().forEach(order -> due.put(order.orderId(), order.due()));
        ended.confirmedAt().forEach((order, at) ->
                saga.recordValue(Math.max(0, Duration.between(due.get(order), at).toNanos() / 1_000)));
        long sagas = ended.confirmedAt().size();
        Map<String, Long> cpu = after.cpuSince(before);
        return BenchResult.Step.of(phase, rate, windowSeconds, sent, saga, confirmedInWindow / windowSeconds,
                atEnd.notEnded(), ended.notEnded(), ended.cancelled(), sagas, cpu, after.commits() - before.commits(),
                after.kafkaRecords() - before.kafkaRecords(), after.outbox().meanMillisSince(before.outbox()),
                after.outbox().maxSeconds() * 1000);
    }

    private BenchResult.Rest rest(StackCounters counters) throws InterruptedException {
        TimeUnit.SECONDS.sleep(5);
        StackCounters.Reading before = counters.read();
        TimeUnit.NANOSECONDS.sleep(REST.toNanos());
        StackCounters.Reading after = counters.read();
        double seconds = after.seconds(before);
        Map<String, Double> perProcess = new TreeMap<>();
        after.cpuSince(before).forEach((process, millis) -> perProcess.put(process, millis / seconds));
        return new BenchResult.Rest(seconds, perProcess.values().stream().mapToDouble(Double::doubleValue).sum(),
                perProcess);
    }

    /** Where the step's accepted orders stand in order-service's database. */
    private record Outcomes(Map<UUID, Instant> confirmedAt, long cancelled, long notEnded) {
    }

    private Outcomes outcomes(List<OpenLoad.Accepted> accepted) throws SQLException {
        Map<UUID, Instant> confirmed = new HashMap<>();
        long cancelled = 0;
        try (Connection db = DataSet.connect(stack.database("order_service"));
                PreparedStatement query = db.prepareStatement(
                        "SELECT id, status, updated_at FROM orders WHERE id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("uuid", accepted.stream().map(OpenLoad.Accepted::orderId).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String status = rows.getString("status");
                    if (status.equals("CONFIRMED")) {
                        confirmed.put(rows.getObject("id", UUID.class),
                                rows.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
                    } else if (status.equals("CANCELLED")) {
                        cancelled++;
                    }
                }
            }
        }
        return new Outcomes(confirmed, cancelled, accepted.size() - confirmed.size() - cancelled);
    }
}
