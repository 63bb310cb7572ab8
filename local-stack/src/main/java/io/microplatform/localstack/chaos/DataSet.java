package io.microplatform.localstack.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microplatform.contracts.FieldLimits;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The run's own customers and items, with known balances and stock, written straight into the payment and inventory
 * databases (the services have no API to create them), and the orders placed against them. Every name carries the run
 * id, so runs never share data and the checker can select exactly what one run did. Some values sit at the limits of
 * {@link FieldLimits}, some orders are meant to fail (tight balances, scarce items, the undeliverable postal code
 * 00000), so that every path of the saga runs under the faults.
 */
public record DataSet(String label, String runId, List<Customer> customers, List<Item> items, boolean edgeCases) {

    static final int CUSTOMERS = 20;
    static final int ITEMS = 12;
    static final List<String> COUNTRIES = List.of("US", "CA", "GB", "DE", "FR", "NL", "JP");
    static final String UNDELIVERABLE = "00000";

    public record Customer(String id, BigDecimal balance) {
    }

    public record Item(String sku, String name, BigDecimal price, int stock) {
    }

    /**
     * One order to place: the Idempotency-Key makes a placement whose answer got lost identifiable afterwards;
     * {@code overLimit} orders break {@link FieldLimits} by one character or line and must be refused with a 400.
     */
    public record Draft(int number, String idempotencyKey, String body, boolean overLimit) {
    }

    static DataSet generate(long seed, String runId, Random random) {
        List<Customer> customers = new ArrayList<>();
        for (int i = 1; i <= CUSTOMERS; i++) {
            String id = "chaos-" + runId + "-c" + String.format("%02d", i);
            if (i == CUSTOMERS) {
                // a customer id as long as the contract allows: whatever order-service accepts, payment must store
                id = (id + "-" + "x".repeat(FieldLimits.CUSTOMER_ID_MAX)).substring(0, FieldLimits.CUSTOMER_ID_MAX);
            }
            // most can pay for anything; a few run dry, so declines and their compensations happen
            BigDecimal balance = i % 5 == 0
                    ? BigDecimal.valueOf(20 + random.nextInt(130)).setScale(2)
                    : new BigDecimal("5000.00");
            customers.add(new Customer(id, balance));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            String sku = ("CHAOS-" + runId + "-I" + String.format("%02d", i)).toUpperCase(Locale.ROOT);
            if (i == ITEMS) {
                sku = (sku + "-" + "Y".repeat(FieldLimits.SKU_MAX)).substring(0, FieldLimits.SKU_MAX);
            }
            BigDecimal price = BigDecimal.valueOf(499 + random.nextInt(8500), 2);
            // one scarce item: orders race for its last units and, once it is gone, are refused OUT_OF_STOCK
            int stock = i == 1 ? 15 + random.nextInt(10) : 1000;
            items.add(new Item(sku, "Chaos item " + i + " (seed " + seed + ")", price, stock));
        }
        return new DataSet("chaos", runId, List.copyOf(customers), List.copyOf(items), true);
    }

    /**
     * A demo's data: {@code customers} who can pay for anything and one item per entry of {@code stock}, every order
     * valid and deliverable, so that whatever goes wrong is the demo's fault and nothing else.
     */
    public static DataSet plain(String runId, int customers, List<Integer> stock) {
        List<Customer> accounts = new ArrayList<>();
        for (int i = 1; i <= customers; i++) {
            accounts.add(new Customer("demo-" + runId + "-c" + String.format("%02d", i), new BigDecimal("100000.00")));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= stock.size(); i++) {
            items.add(new Item(("DEMO-" + runId + "-I" + String.format("%02d", i)).toUpperCase(Locale.ROOT),
                    "Demo item " + i, BigDecimal.valueOf(1000 + 250 * i, 2), stock.get(i - 1)));
        }
        return new DataSet("demo", runId, List.copyOf(accounts), List.copyOf(items), false);
    }

    /**
     * The benchmark's data: many customers who can pay for anything and many items that never run out, so that orders
     * spread over many rows (no hot account or item row) and every saga ends CONFIRMED.
     */
    public static DataSet bench(String runId, int customers, int items) {
        List<Customer> accounts = new ArrayList<>();
        for (int i = 1; i <= customers; i++) {
            accounts.add(new Customer("bench-" + runId + "-c" + i, new BigDecimal("100000000.00")));
        }
        List<Item> stocked = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            stocked.add(new Item(("BENCH-" + runId + "-I" + i).toUpperCase(Locale.ROOT), "Bench item " + i,
                    BigDecimal.valueOf(100 + 7 * i, 2), 100_000_000));
        }
        return new DataSet("bench", runId, List.copyOf(accounts), List.copyOf(stocked), false);
    }

    public String customerPrefix() {
        return label + "-" + runId + "-";
    }

    String idempotencyKeyPrefix() {
        return label + "-" + runId + "-order-";
    }

    /** Inserts the customers into payment_service and the items into inventory_service. */
    public void create(StackControl stack) throws SQLException {
        insertAll(stack.database("payment_service"), "INSERT INTO accounts (customer_id, balance) VALUES (?, ?)",
                customers, (insert, customer) -> {
                    insert.setString(1, customer.id());
                    insert.setBigDecimal(2, customer.balance());
                });
        insertAll(stack.database("inventory_service"), "INSERT INTO items (sku, name, price, stock) VALUES (?, ?, ?, ?)",
                items, (insert, item) -> {
                    insert.setString(1, item.sku());
                    insert.setString(2, item.name());
                    insert.setBigDecimal(3, item.price());
                    insert.setInt(4, item.stock());
                });
    }

    /** Sets one row's values on the insert statement's parameters. */
    private interface RowBinder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    /** Inserts {@code rows} with {@code sql} in one batch. */
    private static <T> void insertAll(StackControl.Database database, String sql, List<T> rows, RowBinder<T> binder)
            throws SQLException {
        try (Connection connection = connect(database); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(insert, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Order {@code number}: a random customer buys one to three different items. With {@code edgeCases}, one in twenty
     * goes to the undeliverable postal code (SHIPPING_FAILED: charge refunded, stock released), one in ten has every
     * address field as long as {@link FieldLimits} allows, in letters beyond ASCII, and one in twenty-five is over a
     * limit.
     */
    public Draft draft(int number, Random random, ObjectMapper json) {
        ObjectNode order = json.createObjectNode();
        order.put("customerId", customers.get(random.nextInt(customers.size())).id());
        ArrayNode lines = order.putArray("items");
        List<Item> shuffled = new ArrayList<>(items);
        java.util.Collections.shuffle(shuffled, random);
        int lineCount = 1 + random.nextInt(3);
        for (Item item : shuffled.subList(0, lineCount)) {
            lines.addObject().put("sku", item.sku()).put("quantity", 1 + random.nextInt(3));
        }
        ObjectNode address = order.putObject("shippingAddress");
        boolean longest = edgeCases && random.nextInt(10) == 0;
        address.put("name", longest ? fill("Zoë Łukasiewicz-Ørsted ", FieldLimits.NAME_MAX) : "Chaos Customer " + number);
        address.put("street", longest ? fill("Straße der Pariser Kommune ", FieldLimits.STREET_MAX) : number + " Main St");
        address.put("city", longest ? fill("Saint-Rémy-de-Provence ", FieldLimits.CITY_MAX) : "Berlin");
        address.put("postalCode", edgeCases && random.nextInt(20) == 0 ? UNDELIVERABLE
                : longest ? fill("SW1A 1AA-", FieldLimits.POSTAL_CODE_MAX) : String.format("%05d", 10000 + number));
        address.put("country", COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        // one in twenty-five steps over a limit: order-service must refuse what a later service could not store
        boolean overLimit = edgeCases && number % 25 == 0;
        if (overLimit) {
            switch (random.nextInt(4)) {
                case 0 -> address.put("postalCode", "9".repeat(FieldLimits.POSTAL_CODE_MAX + 1));
                case 1 -> address.put("city", "C".repeat(FieldLimits.CITY_MAX + 1));
                case 2 -> address.put("country", "DEU");
                default -> {
                    for (int extra = lines.size(); extra <= FieldLimits.LINES_MAX; extra++) {
                        lines.addObject().put("sku", "CHAOS-OVER-" + extra).put("quantity", 1);
                    }
                }
            }
        }
        return new Draft(number, idempotencyKeyPrefix() + number, order.toString(), overLimit);
    }

    public static Connection connect(StackControl.Database database) throws SQLException {
        Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        connection.setAutoCommit(true);
        return connection;
    }

    /** Exactly {@code length} characters of the pattern, never ending in a blank. */
    private static String fill(String pattern, int length) {
        StringBuilder text = new StringBuilder(pattern.repeat(length / pattern.length() + 1).substring(0, length));
        text.setCharAt(length - 1, 'x');
        return text.toString();
    }
}
