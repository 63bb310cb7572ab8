package io.microplatform.localstack.chaos;

import io.microplatform.contracts.VectorClock;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * What each service's own database says about one run: read straight from the tables every service owns, never
 * through an API, so the verdict rests on the data itself. Only the run's customers, items and orders are read.
 */
record Snapshot(
        Map<UUID, Order> orders,
        Map<String, UUID> idempotencyKeys,
        Map<String, Integer> stock,
        Map<UUID, Reservation> reservations,
        Map<String, BigDecimal> balances,
        Map<UUID, Payment> payments,
        Map<UUID, List<Money>> moneyMoved,
        Map<UUID, Shipment> shipments,
        Map<UUID, Saga> sagas,
        List<Effect> effects,
        Map<String, Long> unpublishedOutbox,
        Map<String, Long> parkedOutbox,
        List<OutboxRow> unpublishable,
        Map<String, Long> reconciled,
        List<String> unreadable) {

    static final List<String> DATABASES = List.of("order_service", "inventory_service", "payment_service",
            "shipping_service", "saga_orchestrator");

    /** A row the chaos run wrote into a service's outbox ({@link UnpublishableRows}), and what became of it. */
    record OutboxRow(String service, UUID key, boolean published, boolean parked, int refusals) {
    }

    record Order(UUID id, String customerId, String status, String reason, BigDecimal total, Map<String, Integer> lines,
            Instant createdAt, Instant updatedAt) {

        boolean terminal() {
            return status.equals("CONFIRMED") || status.equals("CANCELLED");
        }

        Order withStatus(String newStatus) {
            return new Order(id, customerId, newStatus, reason, total, lines, createdAt, updatedAt);
        }
    }

    record Reservation(UUID orderId, String status, Map<String, Integer> lines) {
    }

    record Payment(UUID orderId, String customerId, String status, BigDecimal amount) {
    }

    /** A row of payments: money that moved for an order, CHARGE or REFUND. */
    record Money(String type, BigDecimal amount) {
    }

    record Shipment(UUID orderId, String status) {
    }

    /**
     * @param withoutOrder a saga that only cancels (its OrderPlaced never came, or could never be a saga)
     * @param confirmSends how often its ConfirmOrder was sent (0 if it never got there)
     */
    record Saga(UUID orderId, String state, String reason, boolean withoutOrder, int confirmSends) {
    }

    record Effect(String service, UUID orderId, String effect, VectorClock clock, Instant recordedAt) {
    }

    static Snapshot read(StackControl stack, DataSet data) throws SQLException {
        Map<UUID, Order> orders = new LinkedHashMap<>();
        Map<String, UUID> keys = new HashMap<>();
        List<Effect> effects = new ArrayList<>();
        Map<String, Long> unpublished = new LinkedHashMap<>();
        Map<String, Long> parked = new LinkedHashMap<>();
        List<OutboxRow> unpublishable = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, Long> reconciled = new LinkedHashMap<>();
        try (Connection db = DataSet.connect(stack.database("order_service"))) {
            query(db, """
                    SELECT o.id, o.customer_id, o.status, o.reason, o.total, o.created_at, o.updated_at, i.sku, i.quantity
                    FROM orders o JOIN order_items i ON i.order_id = o.id
                    WHERE o.customer_id LIKE ? ORDER BY o.created_at""", data.customerPrefix() + "%", row -> {
                UUID id = row.getObject(1, UUID.class);
                orders.computeIfAbsent(id, ignored -> uncheck(() -> new Order(id, row.getString(2), row.getString(3),
                        row.getString(4), row.getBigDecimal(5), new LinkedHashMap<>(), instant(row, 6), instant(row, 7))))
                        .lines().put(row.getString(8), row.getInt(9));
            });
            query(db, "SELECT count(*) FILTER (WHERE announced_at IS NOT NULL), count(*) FILTER (WHERE stalled_at IS NOT NULL)"
                    + " FROM orders WHERE customer_id LIKE ?", data.customerPrefix() + "%", row -> {
                        reconciled.put("reannounced", row.getLong(1));
                        reconciled.put("reportedStalled", row.getLong(2));
                    });
            query(db, "SELECT idempotency_key, order_id FROM idempotency_keys WHERE idempotency_key LIKE ?",
                    data.idempotencyKeyPrefix() + "%", row -> keys.put(row.getString(1), row.getObject(2, UUID.class)));
        }
        UUID[] ids = orders.keySet().toArray(UUID[]::new);
        Map<String, Integer> stock = new HashMap<>();
        Map<UUID, Reservation> reservations = new HashMap<>();
        try (Connection db = DataSet.connect(stack.database("inventory_service"))) {
            for (DataSet.Item item : data.items()) {
                query(db, "SELECT stock FROM items WHERE sku = ?", item.sku(), row -> stock.put(item.sku(), row.getInt(1)));
            }
            query(db, """
                    SELECT r.order_id, r.status, l.sku, l.quantity FROM reservations r
                    LEFT JOIN reservation_lines l ON l.order_id = r.order_id WHERE r.order_id = ANY(?)""", ids, row -> {
                UUID id = row.getObject(1, UUID.class);
                Reservation reservation = reservations.computeIfAbsent(id, ignored -> uncheck(() ->
                        new Reservation(id, row.getString(2), new LinkedHashMap<>())));
                if (row.getString(3) != null) {
                    reservation.lines().put(row.getString(3), row.getInt(4));
                }
            });
        }
        Map<String, BigDecimal> balances = new HashMap<>();
        Map<UUID, Payment> payments = new HashMap<>();
        Map<UUID, List<Money>> moneyMoved = new HashMap<>();
        try (Connection db = DataSet.connect(stack.database("payment_service"))) {
            query(db, "SELECT customer_id, balance FROM accounts WHERE customer_id LIKE ?", data.customerPrefix() + "%",
                    row -> balances.put(row.getString(1), row.getBigDecimal(2)));
            query(db, "SELECT order_id, customer_id, status, amount FROM order_payments WHERE order_id = ANY(?)", ids,
                    row -> payments.put(row.getObject(1, UUID.class), new Payment(row.getObject(1, UUID.class),
                            row.getString(2), row.getString(3), row.getBigDecimal(4))));
            // every charge and refund of the run's customers, also of orders order-service does not know (none may exist)
            query(db, """
                    SELECT p.order_id, p.type, p.amount FROM payments p JOIN order_payments o ON o.order_id = p.order_id
                    WHERE o.customer_id LIKE ?""", data.customerPrefix() + "%", row -> moneyMoved
                    .computeIfAbsent(row.getObject(1, UUID.class), ignored -> new ArrayList<>())
                    .add(new Money(row.getString(2), row.getBigDecimal(3))));
        }
        Map<UUID, Shipment> shipments = new HashMap<>();
        try (Connection db = DataSet.connect(stack.database("shipping_service"))) {
            query(db, "SELECT order_id, status FROM shipments WHERE order_id = ANY(?)", ids,
                    row -> shipments.put(row.getObject(1, UUID.class), new Shipment(row.getObject(1, UUID.class),
                            row.getString(2))));
        }
        Map<UUID, Saga> sagas = new HashMap<>();
        try (Connection db = DataSet.connect(stack.database("saga_orchestrator"))) {
            query(db, """
                    SELECT s.order_id, s.state, s.reason, s.customer_id IS NULL,
                           coalesce((SELECT max(t.attempts) FROM saga_steps t
                                     WHERE t.order_id = s.order_id AND t.command = 'CONFIRM_ORDER'), 0)
                    FROM sagas s WHERE s.order_id = ANY(?)""", ids,
                    row -> sagas.put(row.getObject(1, UUID.class), new Saga(row.getObject(1, UUID.class),
                            row.getString(2), row.getString(3), row.getBoolean(4), row.getInt(5))));
        }
        for (String database : DATABASES) {
            String service = database.replace('_', '-');
            try (Connection db = DataSet.connect(stack.database(database))) {
                optional(unreadable, service + " causal_effects", () -> query(db,
                        "SELECT order_id, effect, clock, recorded_at FROM causal_effects WHERE order_id = ANY(?)", ids,
                        row -> effects.add(new Effect(service, row.getObject(1, UUID.class), row.getString(2),
                                VectorClock.parse(row.getString(3)), instant(row, 4)))));
                optional(unreadable, service + " outbox_messages.parked_at", () -> query(db, "SELECT "
                        + "count(*) FILTER (WHERE parked_at IS NULL), count(*) FILTER (WHERE parked_at IS NOT NULL)"
                        + " FROM outbox_messages WHERE published_at IS NULL AND message_type <> ?",
                        UnpublishableRows.TYPE, row -> {
                            unpublished.put(service, row.getLong(1));
                            parked.put(service, row.getLong(2));
                        }));
                optional(unreadable, service + " outbox_messages.refusals", () -> query(db, "SELECT message_key, "
                        + "published_at IS NOT NULL, parked_at IS NOT NULL, refusals FROM outbox_messages"
                        + " WHERE message_type = ?", UnpublishableRows.TYPE,
                        row -> unpublishable.add(new OutboxRow(service, row.getObject(1, UUID.class), row.getBoolean(2),
                                row.getBoolean(3), row.getInt(4)))));
            }
        }
        return new Snapshot(orders, keys, stock, reservations, balances, payments, moneyMoved, shipments, sagas,
                effects, unpublished, parked, unpublishable, reconciled, List.copyOf(unreadable));
    }

    /** Unpublished outbox rows of every service, for the quiescence wait: cheaper than a whole snapshot. */
    static long unpublished(StackControl stack) throws SQLException {
        long total = 0;
        for (String database : DATABASES) {
            try (Connection db = DataSet.connect(stack.database(database));
                    PreparedStatement count = db.prepareStatement(
                            "SELECT count(*) FROM outbox_messages WHERE published_at IS NULL AND parked_at IS NULL");
                    ResultSet result = count.executeQuery()) {
                result.next();
                total += result.getLong(1);
            }
        }
        return total;
    }

    /**
     * Waits until every order of {@code data} has ended and no outbox holds anything, saying how it goes every five
     * seconds.
     *
     * @return how long that took, or null if it did not happen within {@code limit}
     */
    static Duration awaitQuiet(StackControl stack, DataSet data, Duration limit) {
        long start = System.nanoTime();
        long lastReport = start;
        while (System.nanoTime() - start < limit.toNanos()) {
            try {
                long pending = pending(stack, data);
                long unpublished = unpublished(stack);
                if (pending == 0 && unpublished == 0) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    stack.say("  " + pending + " order(s) not ended, " + unpublished + " outbox message(s) unpublished");
                }
            } catch (SQLException e) {
                stack.say("  cannot read the databases yet: " + e.getMessage());
            }
            LockSupport.parkNanos(250_000_000L);
        }
        return null;
    }

    /** The run's orders that are not CONFIRMED or CANCELLED yet. */
    static long pending(StackControl stack, DataSet data) throws SQLException {
        try (Connection db = DataSet.connect(stack.database("order_service"));
                PreparedStatement count = db.prepareStatement(
                        "SELECT count(*) FROM orders WHERE customer_id LIKE ? AND status NOT IN ('CONFIRMED', 'CANCELLED')")) {
            count.setString(1, data.customerPrefix() + "%");
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private interface Query {
        void run() throws SQLException;
    }

    /** A table or column the checker needs but the service's schema lacks (an older build) is named, not fatal. */
    private static void optional(List<String> unreadable, String what, Query query) throws SQLException {
        try {
            query.run();
        } catch (SQLException e) {
            // 42P01 undefined table, 42703 undefined column
            if (!"42P01".equals(e.getSQLState()) && !"42703".equals(e.getSQLState())) {
                throw e;
            }
            unreadable.add(what + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(Connection db, String sql, Object parameter, Row row) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter instanceof UUID[] ids) {
                Array array = db.createArrayOf("uuid", ids);
                statement.setArray(1, array);
            } else if (parameter != null) {
                statement.setObject(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    row.accept(result);
                }
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private interface Checked<T> {
        T get() throws SQLException;
    }

    private static <T> T uncheck(Checked<T> value) {
        try {
            return value.get();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
