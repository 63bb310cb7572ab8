package io.microplatform.localstack.chaos;

import io.microplatform.contracts.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Orders for a demo, with the chaos run's pieces: a data set of its own ({@link DataSet#plain}), placements at a
 * constant rate with an Idempotency-Key each ({@link Workload}), and what became of them, read from every service's
 * database and judged by the chaos run's {@link Invariants}: nothing lost, nothing charged twice, no stock drift.
 */
public final class OrderTraffic {

    /** One placement as the client saw it: status 0 when no answer came. */
    public record Sent(int number, Instant due, double latencySeconds, int status, String error) {

        public boolean accepted() {
            return status == 202;
        }
    }

    /**
     * What the databases say once the orders have ended.
     *
     * @param stockDrift per item, stock now minus (stock at the start - units of confirmed orders): 0 when exact
     * @param violations every invariant of the chaos run that does not hold (empty: nothing lost or applied twice)
     */
    public record Ended(int orders, long confirmed, long cancelled, Map<String, Long> cancelledByReason, long notEnded,
            long doubleCharges, long cancelledWithNetEffect, Map<String, Integer> stockDrift, Map<String, Integer> sold,
            long duplicatesDelivered, long duplicatesApplied, double completionP99Seconds, List<String> violations) {
    }

    private final StackControl stack;
    private final DataSet data;
    private final Workload workload;
    private final KafkaFaults kafka;
    private Thread placing;

    private OrderTraffic(StackControl stack, DataSet data, double rate, long seed) {
        this.stack = stack;
        this.data = data;
        this.workload = new Workload(stack.orderService(), data, new Random(seed), rate);
        this.kafka = new KafkaFaults(stack.kafkaBootstrapServers(), data.runId(), new Random(seed + 1));
    }

    /** Creates {@code customers} customers and one item per entry of {@code stock}, named after {@code runId}. */
    public static OrderTraffic create(StackControl stack, String runId, int customers, List<Integer> stock, double rate)
            throws SQLException {
        DataSet data = DataSet.plain(runId, customers, stock);
        data.create(stack);
        return new OrderTraffic(stack, data, rate, runId.hashCode());
    }

    public List<String> skus() {
        return data.items().stream().map(DataSet.Item::sku).toList();
    }

    public List<String> customers() {
        return data.customers().stream().map(DataSet.Customer::id).toList();
    }

    /** Places orders for {@code duration} on this thread. */
    public void place(Duration duration, Runnable everySecond) {
        workload.run(duration, everySecond);
    }

    /** Places orders on a thread of its own until {@link #stop}, saying every five seconds how many went out. */
    public void start() {
        long started = System.nanoTime();
        Runnable progress = () -> {
            long second = (System.nanoTime() - started) / 1_000_000_000L;
            if (second > 0 && second % 5 == 0) {
                List<Workload.Placement> answered = workload.placements();
                stack.say(String.format(java.util.Locale.ROOT, "  +%3ds  %d placed, %d answered, %d accepted", second,
                        workload.placed(), answered.size(), answered.stream().filter(Workload.Placement::accepted).count()));
            }
        };
        placing = new Thread(() -> workload.run(Duration.ofHours(1), progress), "demo-orders");
        placing.setDaemon(true);
        placing.start();
    }

    /** Stops placing and waits for the answers still outstanding. */
    public List<Sent> stop() throws InterruptedException {
        workload.stop();
        if (placing != null) {
            placing.join();
        }
        workload.finish();
        return sent();
    }

    /** The placements answered so far, in order. */
    public List<Sent> sent() {
        return workload.placements().stream().map(p -> new Sent(p.number(), p.due(),
                Duration.between(p.due(), p.answered()).toNanos() / 1e9, p.status(), p.error())).toList();
    }

    public int placed() {
        return workload.placed();
    }

    public int answered() {
        return workload.answered();
    }

    /** Orders of this traffic not CONFIRMED or CANCELLED yet. */
    public long notEnded() throws SQLException {
        return Snapshot.pending(stack, data);
    }

    /** Orders order-service accepted with a part from a fallback (cached prices, flat-rate shipping). */
    public long degraded() throws SQLException {
        try (java.sql.Connection db = DataSet.connect(stack.database("order_service"));
                java.sql.PreparedStatement count = db.prepareStatement(
                        "SELECT count(*) FROM orders WHERE customer_id LIKE ? AND degraded <> ''")) {
            count.setString(1, data.customerPrefix() + "%");
            try (java.sql.ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Outbox rows of every service not published yet (nor parked). */
    public long unpublished() throws SQLException {
        return Snapshot.unpublished(stack);
    }

    /**
     * Waits until every order has ended and every outbox is empty, saying how it goes every five seconds.
     *
     * @return how long that took, or null if it did not happen within {@code limit}
     */
    public Duration awaitEnded(Duration limit) {
        return Snapshot.awaitQuiet(stack, data, limit);
    }

    /**
     * For {@code window}, every command the orchestrator sends is written to its topic a second time, up to five
     * seconds later (an exact copy: same key, value and headers, so the same message id). Blocks meanwhile.
     *
     * @return copies written per message type
     */
    public Map<String, Long> duplicateCommands(Duration window) {
        return kafka.duplicate(List.of(Topics.INVENTORY_COMMANDS, Topics.PAYMENT_COMMANDS, Topics.SHIPPING_COMMANDS,
                Topics.ORDER_COMMANDS), window, 1.0);
    }

    /**
     * Reads every service's data about these orders and judges it as a chaos run would.
     *
     * @param healed when the demo's fault ended: every order must have ended within a minute of it (or of its placing)
     * @param duplicated copies written by {@link #duplicateCommands}, if any
     */
    public Ended check(Instant healed, Map<String, Long> duplicated) throws SQLException {
        Snapshot snapshot = Snapshot.read(stack, data);
        List<FaultRunner.Outcome> faults = duplicated.isEmpty() ? List.of()
                : List.of(new FaultRunner.Outcome(FaultPlan.Kind.DUPLICATES, "every command twice", List.of(), healed,
                        healed, null, null, null, true, null, duplicated));
        int maxAttempts = stack.info("saga-orchestrator").path("saga").path("maxAttempts")
                .asInt(FaultPlan.Timings.DEFAULTS.maxAttempts());
        Invariants.Verdict verdict = Invariants.check(data, snapshot, workload.placements(), faults, List.of(), healed,
                Instant.now(), maxAttempts);
        Map<String, Integer> sold = new java.util.LinkedHashMap<>();
        data.items().forEach(item -> sold.put(item.sku(), item.stock() - snapshot.stock().getOrDefault(item.sku(), 0)));
        return new Ended(snapshot.orders().size(), verdict.terminal().confirmed(), verdict.terminal().cancelled(),
                verdict.terminal().cancelledByReason(), verdict.terminal().stuck(), verdict.money().doubleCharges(),
                verdict.effects().cancelledWithNetEffect(), verdict.stockDrift(), sold,
                verdict.messaging().duplicatesDelivered(), verdict.messaging().duplicatesApplied(),
                verdict.terminal().completionP99Seconds(), verdict.violations());
    }
}
