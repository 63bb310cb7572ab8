package io.microplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.demo.Demo;
import io.microplatform.localstack.demo.Demos;
import io.microplatform.localstack.observability.EmptyQueries;
import io.microplatform.localstack.observability.ObservabilityQueries;
import io.microplatform.localstack.observability.RealPrometheus;
import io.microplatform.localstack.observability.RunningStack;
import io.microplatform.localstack.process.ProcStat;
import io.microplatform.localstack.process.RunRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's main command, end to end, exactly as a user runs it: {@code ./platform up -d}, {@code ps} and
 * {@code down} from the repository root, on ports of their own (so a developer's running stack is never touched)
 * and with state in target/it-platform. Needs every service jar built (the reactor builds them before this module).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPOSITORY = MODULE.getParent();
    private static final Path HOME = MODULE.resolve("target").resolve("it-platform");

    private static final Map<String, Integer> SERVICE_PORTS = orderedMap("registry-service", 28761, "order-service", 28081,
            "payment-service", 28082, "inventory-service", 28083, "shipping-service", 28084, "saga-orchestrator", 28085);
    private static final int POSTGRES_PORT = 25432;
    private static final int KAFKA_PORT = 29092;
    private static final int KAFKA_CONTROLLER_PORT = 29093;
    private static final int TRACE_STORE_PORT = 29411;
    static final String CHAOS_DURATION = "50s";
    /** One keyboard for alice, to a deliverable address: an order that confirms while stock lasts. */
    private static final String KEYBOARD_ORDER = ShopClient.order("alice", "KEYBOARD-01", 1, "10115", "DE");
    static final Map<String, String> CHAOS_TIMINGS = Map.of("SAGA_STEP_TIMEOUT", "2s",
            "ORDER_RECONCILIATION_REANNOUNCE_AFTER", "5s", "ORDER_RECONCILIATION_STALLED_AFTER", "12s");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final ShopClient shop = new ShopClient(SERVICE_PORTS);

    @Test
    @Order(10)
    void refusesToStartWhenAPortIsTakenAndStartsNothing() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 28081));

            Result up = platform(Duration.ofSeconds(60), "up", "-d");

            assertThat(up.exitCode()).as(up.output()).isEqualTo(1);
            assertThat(up.output()).contains(
                    "platform: port 28081 (order-service) is already in use; free it or set ORDER_SERVICE_PORT");
            assertThat(runFiles()).isEmpty();
            assertThat(processesOfTheStack()).isEmpty();
        }
    }

    @Test
    @Order(20)
    void startsEveryServiceHealthyAndRegisteredIncludingScaledInstances() throws Exception {
        // a second orchestrator: the saga's partitions and its sweeper lease are shared (tests 80, 90 and the chaos runs)
        Result up = platformSucceeds(Duration.ofMinutes(5), "up", "-d", "--scale", "saga-orchestrator=2");
        assertThat(up.output()).containsPattern("all healthy in \\d+\\.\\d s");
        List<String> expected = new ArrayList<>(SERVICE_PORTS.entrySet().stream()
                .map(e -> e.getKey().toUpperCase() + ":" + e.getValue()).toList());
        expected.add("SAGA-ORCHESTRATOR:" + (SERVICE_PORTS.get("saga-orchestrator") + 100));
        assertThat(registeredUpInEureka()).containsExactlyInAnyOrderElementsOf(expected);
        for (int port : SERVICE_PORTS.values()) {
            assertThat(readiness(port)).as("readiness of port %d", port).isEqualTo("UP");
        }

        Result ps = platformSucceeds(Duration.ofSeconds(60), "ps");
        assertThat(ps.output()).containsPattern("postgres\\s+postgres\\s+\\d+\\s+" + POSTGRES_PORT + "\\s+ready");
        assertThat(ps.output()).containsPattern("kafka\\s+kafka\\s+\\d+\\s+" + KAFKA_PORT + "\\s+ready");
        assertThat(ps.output()).containsPattern("trace-store\\s+trace-store\\s+\\d+\\s+" + TRACE_STORE_PORT + "\\s+ready");
        SERVICE_PORTS.forEach((service, port) -> assertThat(ps.output())
                .containsPattern(service + "\\s+" + service + "\\s+\\d+\\s+" + port + "\\s+healthy\\s+http://127.0.0.1:" + port));
        assertThat(ps.output()).containsPattern("saga-orchestrator\\s+saga-orchestrator-2\\s+\\d+\\s+28185\\s+healthy");
        assertThat(recordedPids()).hasSize(10);
    }

    @Test
    @Order(30)
    void servesTheDemoDataTheReadmeShows() {
        assertThat(shop.item("KEYBOARD-01").toString()).isEqualTo(
                "{\"sku\":\"KEYBOARD-01\",\"name\":\"Mechanical keyboard\",\"price\":49.90,\"stock\":100}");
        assertThat(shop.balance("alice")).isEqualByComparingTo("10000.00");
        assertThat(shop.balance("bob")).isEqualByComparingTo("50.00");
        assertThat(shop.stock("MOUSE-01")).isEqualTo(200);
        assertThat(shop.stock("MONITOR-27")).isEqualTo(10);
        assertThat(shop.stock("LAPTOP-14")).isZero();
    }

    @Test
    @Order(40)
    void confirmsAnOrderAfterReservingChargingAndShipping() {
        BigDecimal aliceBefore = shop.balance("alice");

        ShopClient.Response placed = shop.placeOrder(ShopClient.order("alice", "KEYBOARD-01", 2, "10115", "DE"));

        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        String orderId = placed.body().path("orderId").asText();
        assertThat(placed.location()).isEqualTo("/api/orders/" + orderId);
        assertThat(placed.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(placed.body().path("total").decimalValue()).isEqualByComparingTo("104.79");
        JsonNode order = awaitFinal(orderId);
        assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(order.path("reason").isNull()).isTrue();
        assertThat(shop.stock("KEYBOARD-01")).isEqualTo(98);
        assertThat(shop.balance("alice")).isEqualByComparingTo(aliceBefore.subtract(new BigDecimal("104.79")));
        assertThat(shop.shipments(orderId)).extracting(s -> s.path("status").asText()).containsExactly("CREATED");
        JsonNode saga = shop.sagaOf(orderId);
        assertThat(saga.path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(saga.path("steps")).extracting(s -> s.path("command").asText() + ":" + s.path("outcome").asText())
                .containsExactly("RESERVE_STOCK:SUCCEEDED", "CHARGE_PAYMENT:SUCCEEDED", "CREATE_SHIPMENT:SUCCEEDED",
                        "CONFIRM_ORDER:SUCCEEDED");
        assertThat(shop.get("saga-orchestrator", "/api/sagas?state=CONFIRMED").body())
                .extracting(s -> s.path("orderId").asText()).contains(orderId);
        assertThat(shop.get("saga-orchestrator", "/api/sagas?state=RUNNING").status()).isEqualTo(200);
    }

    @Test
    @Order(45)
    void recordsOneOrderAsOneTraceAcrossAllFiveServices() throws Exception {
        String traceId = java.util.HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16)
                .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong())
                .putLong(java.util.concurrent.ThreadLocalRandom.current().nextLong()).array());
        HttpRequest place = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORTS.get("order-service")
                        + "/api/orders"))
                .header("Content-Type", "application/json")
                // the caller's trace, as a browser or gateway with tracing would send it
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(KEYBOARD_ORDER))
                .timeout(Duration.ofSeconds(10)).build();

        HttpResponse<String> placed = http.send(place, HttpResponse.BodyHandlers.ofString());

        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String orderId = json.readTree(placed.body()).path("orderId").asText();
        assertThat(awaitFinal(orderId).path("status").asText()).isEqualTo("CONFIRMED");
        URI trace = URI.create("http://127.0.0.1:" + TRACE_STORE_PORT + "/api/v2/trace/" + traceId);
        // spans are exported in batches (every 5 s at most); the trace is whole when all five services are in it and
        // it is one tree: every parent is one of its spans, except the root's, which is the caller's span
        JsonNode spans = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> spansOf(trace), found -> servicesOf(found).containsAll(
                        List.of("order-service", "inventory-service", "shipping-service", "payment-service",
                                "saga-orchestrator")) && parentsOutside(found).equals(java.util.Set.of("00f067aa0ba902b7")));
        System.out.printf("trace %s: %d spans from %s%n", traceId, spans.size(), servicesOf(spans));
        for (JsonNode span : spans) {
            assertThat(span.path("traceId").asText()).isEqualTo(traceId);
        }
    }

    /** The trace's spans so far: Zipkin answers 404, in plain text, until the first of them has arrived. */
    private JsonNode spansOf(URI trace) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(trace).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : json.createArrayNode();
    }

    private static java.util.Set<String> servicesOf(JsonNode spans) {
        java.util.Set<String> services = new java.util.TreeSet<>();
        spans.forEach(span -> services.add(span.path("localEndpoint").path("serviceName").asText()));
        return services;
    }

    /** The parent ids that are not spans of the trace ("" for a span without a parent: a second root). */
    private static java.util.Set<String> parentsOutside(JsonNode spans) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        spans.forEach(span -> ids.add(span.path("id").asText()));
        java.util.Set<String> outside = new java.util.TreeSet<>();
        spans.forEach(span -> outside.add(span.path("parentId").asText()));
        outside.removeAll(ids);
        return outside;
    }

    @Test
    @Order(50)
    void cancelsEachBusinessFailureWithEveryCompletedStepUndone() {
        BigDecimal aliceBefore = shop.balance("alice");

        BusinessFailures cancelled =
                oneCancelledForEachBusinessReason(ShopClient.order("bob", "MONITOR-27", 1, "75001", "FR"));

        assertThat(shop.payments(cancelled.outOfStock())).isEmpty();
        assertThat(shop.payments(cancelled.declined())).isEmpty();
        assertThat(shop.payments(cancelled.undeliverable())).extracting(p -> p.path("type").asText())
                .containsExactly("CHARGE", "REFUND");
        assertThat(shop.shipments(cancelled.undeliverable()))
                .noneMatch(s -> s.path("status").asText().equals("CREATED"));
        assertThat(shop.stock("LAPTOP-14")).isZero();
        assertThat(shop.stock("MONITOR-27")).isEqualTo(10);
        assertThat(shop.stock("MOUSE-01")).isEqualTo(200);
        assertThat(shop.balance("bob")).isEqualByComparingTo("50.00");
        assertThat(shop.balance("alice")).isEqualByComparingTo(aliceBefore);
        assertThat(shop.sagaOf(cancelled.undeliverable()).path("steps"))
                .extracting(s -> s.path("command").asText() + ":" + s.path("outcome").asText())
                .containsExactly("RESERVE_STOCK:SUCCEEDED", "CHARGE_PAYMENT:SUCCEEDED", "CREATE_SHIPMENT:FAILED",
                        "REFUND_PAYMENT:SUCCEEDED", "RELEASE_STOCK:SUCCEEDED", "CANCEL_ORDER:SUCCEEDED");
    }

    @Test
    @Order(60)
    void rejectsBadInputAndReplaysAnIdempotentRequest() {
        ShopClient.Response invalid = shop.placeOrder("{\"customerId\":\"\",\"items\":[]}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(shop.placeOrder(ShopClient.order("alice", "NOPE-1", 1, "10115", "DE")).status()).isEqualTo(422);
        assertThat(shop.placeOrder(ShopClient.order("alice", "MOUSE-01", 1, "10115", "XX")).status()).isEqualTo(422);

        String body = ShopClient.order("alice", "MOUSE-01", 1, "10115", "DE");
        ShopClient.Response first = shop.placeOrder(body, "platform-it-key");
        ShopClient.Response again = shop.placeOrder(body, "platform-it-key");
        ShopClient.Response otherBody = shop.placeOrder(ShopClient.order("alice", "MOUSE-01", 2, "10115", "DE"),
                "platform-it-key");

        assertThat(again.body().path("orderId")).isEqualTo(first.body().path("orderId"));
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(awaitFinal(first.body().path("orderId").asText()).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(shop.stock("MOUSE-01")).isEqualTo(199);
    }

    @Test
    @Order(70)
    void neverOversellsUnderConcurrentOrders() throws Exception {
        assertThat(shop.stock("MONITOR-27")).isEqualTo(10);
        ExecutorService clients = Executors.newFixedThreadPool(30);
        List<Future<ShopClient.Response>> responses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            responses.add(clients.submit(() -> shop.placeOrder(ShopClient.order("alice", "MONITOR-27", 1, "10115", "DE"))));
        }
        List<String> orderIds = new ArrayList<>();
        for (Future<ShopClient.Response> response : responses) {
            assertThat(response.get().status()).as(response.get().body().toString()).isEqualTo(202);
            orderIds.add(response.get().body().path("orderId").asText());
        }
        clients.shutdown();

        List<JsonNode> orders = orderIds.stream().map(this::awaitFinal).toList();

        assertThat(orders).filteredOn(o -> o.path("status").asText().equals("CONFIRMED")).hasSize(10);
        assertThat(orders).filteredOn(o -> o.path("reason").asText().equals("OUT_OF_STOCK")).hasSize(20);
        assertThat(shop.stock("MONITOR-27")).isZero();
    }

    /** Two orchestrators share the sagas (replies are keyed by order id); the survivor of a kill -9 takes over. */
    @Test
    @Order(80)
    void finishesEverySagaWhenOneOrchestratorIsKilled() throws Exception {
        KeyboardOrders inFlight = keyboardOrdersPlaced(5);

        platformSucceeds(Duration.ofSeconds(60), "kill", "saga-orchestrator-2");
        assertEachConfirmedWithItsKeyboard(inFlight);
    }

    @Test
    @Order(90)
    void resumesEverySagaAfterEveryOrchestratorIsKilledAndRestarted() throws Exception {
        KeyboardOrders inFlight = keyboardOrdersPlaced(5);

        platformSucceeds(Duration.ofSeconds(60), "kill", "saga-orchestrator");
        String whileDown = placed(KEYBOARD_ORDER);
        assertThat(shop.orderOf(whileDown).path("status").asText()).isEqualTo("PENDING");
        platformSucceeds(Duration.ofMinutes(3), "restart", "saga-orchestrator");
        inFlight.orderIds().add(whileDown);

        assertEachConfirmedWithItsKeyboard(inFlight);
        Result logs = platform(Duration.ofSeconds(60), "logs", "saga-orchestrator");
        assertThat(logs.output()).contains("saga-orchestrator");
    }

    @Test
    @Order(100)
    void followsTheLogsOfOneServiceUntilStopped() throws Exception {
        Path output = HOME.getParent().resolve("platform-logs-follow.out");
        Process follow = processBuilder("logs", "order-service", "-f").redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            placed(ShopClient.order("alice", "MOUSE-01", 1, "10115", "DE"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.size(output) > 0);
            assertThat(follow.isAlive()).as("-f keeps following").isTrue();
        } finally {
            follow.destroy();
            follow.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(output)).contains("order-service");
    }

    /**
     * docs/fault-injection.md: a latency rule on one route through the CLI, visible to a caller, then cleared. While
     * it holds, order-service's time limiter stops waiting for the quote (docs/resilience.md): the order is placed
     * within the limit, with the flat rate, and the time-out is counted.
     */
    @Test
    @Order(110)
    void slowsAQuoteWithAnInjectedFaultUntilCleared() throws Exception {
        Result added = platformSucceeds(Duration.ofSeconds(60), "fault", "shipping-service", "--target",
                "inbound:/api/shipping/quotes", "--latency", "3s");
        assertThat(added.output()).contains("added rule", "inbound-http:/api/shipping/quotes latency PT3S");
        assertThat(platform(Duration.ofSeconds(60), "fault", "shipping-service").output())
                .contains("inbound-http:/api/shipping/quotes latency PT3S");

        assertThat(quoteAnsweredWithin(Duration.ofSeconds(2))).as("a caller that waits 2 s gives up").isFalse();
        double timeOutsBefore = shippingTimeOuts();
        long started = System.nanoTime();
        ShopClient.Response placed = shop.placeOrder(ShopClient.order("alice", "MOUSE-01", 1, "10115", "DE"));
        Duration placing = Duration.ofNanos(System.nanoTime() - started);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        assertThat(placed.body().path("degraded").toString()).isEqualTo("[\"shipping-quote\"]");
        assertThat(placed.body().path("shippingCost").decimalValue()).isEqualByComparingTo("9.99");
        // order-service's time limiter, not the fault's 3 s, decided: the quote was given up, once
        assertThat(shippingTimeOuts() - timeOutsBefore).isEqualTo(1.0);
        System.out.printf("shipping quotes delayed 3 s by a fault: order placed with the flat rate in %d ms%n",
                placing.toMillis());

        Result cleared = platformSucceeds(Duration.ofSeconds(60), "fault", "clear");
        assertThat(cleared.output()).contains("shipping-service: cleared 1 rule(s)");
        assertThat(quoteAnsweredWithin(Duration.ofSeconds(2))).as("the same caller is answered again").isTrue();
    }

    /** order-service's count of quote calls its time limiter stopped waiting for, from its Prometheus endpoint. */
    private double shippingTimeOuts() throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + SERVICE_PORTS.get("order-service") + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines()
                .filter(line -> line.startsWith("resilience4j_timelimiter_calls_total{")
                        && line.contains("kind=\"timeout\"") && line.contains("name=\"shipping\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no shipping time-out counter in order-service's metrics"));
    }

    /** Whether a caller that gives up after {@code patience} gets its quote: false while a 3 s latency rule holds. */
    private boolean quoteAnsweredWithin(Duration patience) throws Exception {
        HttpRequest quote = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICE_PORTS.get("shipping-service")
                        + "/api/shipping/quotes")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"country\":\"DE\",\"postalCode\":\"10115\",\"items\":[{\"sku\":\"KEYBOARD-01\",\"quantity\":1}]}"))
                .timeout(patience)
                .build();
        try {
            HttpResponse<String> response = http.send(quote, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return true;
        } catch (HttpTimeoutException gaveUp) {
            return false;
        }
    }

    /**
     * docs/observability.md: every Grafana panel and alert rule selects at least one series the running services
     * expose, so no dashboard is empty because a metric or label was renamed. Causes the events some panels wait for
     * on the instances running now (the orchestrator was restarted at 90): a cancellation per reason with
     * compensations, a dead letter, a skipped duplicate and server errors from injected faults. Where a Prometheus
     * is installed (Debian: apt-get install prometheus; .ci/run tries), it runs the repository's prometheus.yml and
     * alerts.yml against the stack and is asked too; the query parser checks the scraped text either way.
     */
    @Test
    @Order(115)
    void everyDashboardPanelAndAlertSelectsSeriesTheServicesExpose() throws Exception {
        Optional<Path> prometheusBinary = RealPrometheus.binary();
        System.out.println(prometheusBinary.map(binary -> "dashboards and alerts: checked by " + binary
                + " and the query parser").orElse("dashboards and alerts: no prometheus on PATH, query parser only"));
        try (RealPrometheus prometheus = prometheusBinary.isEmpty() ? null
                : RealPrometheus.start(prometheusBinary.get(), REPOSITORY,
                        SERVICE_PORTS.get("registry-service"), HOME.getParent().resolve("it-prometheus"))) {
            everyDashboardPanelAndAlertSelectsSeriesTheServicesExpose(prometheus);
        }
    }

    private void everyDashboardPanelAndAlertSelectsSeriesTheServicesExpose(
            RealPrometheus prometheus) throws Exception {
        // the monitors are sold out by now: bob cannot pay for two keyboards instead
        oneCancelledForEachBusinessReason(ShopClient.order("bob", "KEYBOARD-01", 2, "10115", "DE"));
        RunningStack.publishUnreadableRecord(KAFKA_PORT, "payment-commands");
        // a redelivered command the idempotent consumer skips, and server errors (the order degrades its shipping quote)
        platformSucceeds(Duration.ofSeconds(60), "fault", "inventory-service", "--target",
                "kafka:inventory.ReserveStock", "--duplicate");
        platformSucceeds(Duration.ofSeconds(60), "fault", "shipping-service", "--target",
                "inbound:/api/shipping/quotes", "--error-rate", "1");
        assertThat(awaitFinal(placed(ShopClient.order("alice", "MOUSE-01", 1, "10115", "DE"))).path("status").asText())
                .isEqualTo("CONFIRMED");
        platformSucceeds(Duration.ofSeconds(60), "fault", "clear");
        Map<Integer, String> instances = new LinkedHashMap<>();
        SERVICE_PORTS.forEach((service, port) -> instances.put(port, service));
        instances.put(SERVICE_PORTS.get("saga-orchestrator") + 100, "saga-orchestrator");
        List<ObservabilityQueries.Query> queries =
                ObservabilityQueries.all(REPOSITORY);

        // gauges refresh every few seconds and the dead letter takes a poll: wait for them, then name every gap
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(EmptyQueries.find(queries,
                        RunningStack.scrape(instances)))
                        .as("panels and alerts (dashboard / title [refId]: selector) that would show no data")
                        .isEmpty());
        if (prometheus != null) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                assertThat(EmptyQueries.find(queries, prometheus))
                        .as("panels and alerts that show no data or fail in Prometheus (its log: %s)",
                                HOME.getParent().resolve("it-prometheus/prometheus.log"))
                        .isEmpty();
                // the dead letter parked above: the alert for it fires (it has no `for`)
                assertThat(prometheus.rules()).anySatisfy(rule -> {
                    assertThat(rule.name()).isEqualTo("DeadLetter");
                    assertThat(rule.state()).isEqualTo("firing");
                });
            });
            System.out.println("Prometheus scraped " + prometheus.targets().size() + " targets found through Eureka, "
                    + queries.size() + " queries and " + prometheus.rules().size() + " alert rules evaluated");
        }
    }

    /**
     * Kafka's JVM killed -9 and restarted on its data: nothing it held is lost, an order accepted meanwhile waits in
     * order-service's outbox, and every service reconnects by itself.
     */
    @Test
    @Order(116)
    void restartsAKilledKafkaOnItsDataAndOrdersFlowAgain() throws Exception {
        long recordsBefore = endOffsets("order-events");

        platformSucceeds(Duration.ofSeconds(60), "kill", "kafka");
        assertThat(RunRecord.read(RunRecord.file(HOME.resolve("run"), "kafka")).orElseThrow().isAlive()).isFalse();
        String whileDown = placed(ShopClient.order("alice", "MOUSE-01", 1, "10115", "DE"));
        Result restart = platformSucceeds(Duration.ofMinutes(3), "restart", "kafka");
        assertThat(restart.output()).contains("kafka ready");
        // a wiped broker would count from 0 again
        assertThat(endOffsets("order-events")).isGreaterThanOrEqualTo(recordsBefore);
        assertThat(awaitFinal(whileDown).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(awaitFinal(placed(ShopClient.order("alice", "MOUSE-01", 1, "10115", "DE"))).path("status").asText())
                .isEqualTo("CONFIRMED");
    }

    /**
     * kill postgres is an immediate stop (the postmaster ends every backend at once); the restart runs crash recovery
     * on the same data, and the services' connection pools reconnect by themselves.
     */
    @Test
    @Order(117)
    void restartsAPostgresStoppedImmediatelyOnItsDataAndOrdersFlowAgain() throws Exception {
        int mice = shop.stock("MOUSE-01");
        assertThat(mice).as("earlier orders took some: a wiped database would start from the demo data again")
                .isLessThan(200);
        ProcessHandle postmaster = ProcessHandle.of(recordedPid("postgres")).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        assertThat(backends).isNotEmpty();

        Result kill = platformSucceeds(Duration.ofSeconds(60), "kill", "postgres");
        assertThat(kill.output()).contains("immediate shutdown");
        assertThat(gone(postmaster)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> backends.stream().allMatch(PlatformIT::gone));
        Result restart = platformSucceeds(Duration.ofMinutes(3), "restart", "postgres");
        assertThat(restart.output()).contains("postgres ready");
        assertThat(Files.readString(HOME.resolve("logs").resolve("postgres.log"))).contains("automatic recovery in progress");
        // the first calls may still meet a pool that has not noticed its connections are gone: retried with one
        // idempotency key, so an attempt that timed out but was stored counts once
        String after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> shop.placeOrder(ShopClient.order("alice", "MOUSE-01", 1, "10115", "DE"),
                        "platform-it-after-postgres-restart"),
                        response -> response.status() == 202).body().path("orderId").asText();
        assertThat(awaitFinal(after).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(shop.stock("MOUSE-01")).isEqualTo(mice - 1);
    }

    /** pause stops the postmaster and every backend (each in a session of its own), and resumes them all. */
    @Test
    @Order(118)
    void pausesPostgresWithEveryBackendAndResumesIt() throws Exception {
        ProcessHandle postmaster = ProcessHandle.of(recordedPid("postgres")).orElseThrow();
        Path output = HOME.getParent().resolve("platform-pause.out");
        Process pause = processBuilder("pause", "postgres", "3s").redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> states(postmaster).stream().allMatch("T"::equals));
            assertThat(pause.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(output)).isTrue();
            assertThat(pause.exitValue()).as(Files.readString(output)).isZero();
            assertThat(states(postmaster)).doesNotContain("T");
            assertThat(Files.readString(output)).contains("paused postgres", "resumed postgres after");
        } finally {
            pause.destroyForcibly();
        }
    }

    /** Exited, or a zombie: the postmaster's parent (pg_ctl) is gone, and whoever inherits it may reap it late. */
    private static boolean gone(ProcessHandle process) {
        return !process.isAlive() || ProcStat.of(process.pid()).map(ProcStat::exited).orElse(true);
    }

    /** The state letter of a process and each of its descendants in /proc (T: stopped). */
    private static List<String> states(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .map(process -> ProcStat.of(process.pid()).map(stat -> String.valueOf(stat.state())).orElse("gone"))
                .filter(state -> !state.equals("gone")).toList();
    }

    /**
     * docs/chaos.md: orders at a steady rate while faults hit the stack, then every invariant checked from the services'
     * data. Three seeds whose plans together draw every kind of outage (FaultPlanTest lists them); the stack runs
     * with short saga and reconciliation timings (see processBuilder) so that the faults which must outlast them fit.
     */
    @ParameterizedTest(name = "chaos seed {0}")
    @ValueSource(longs = { 3, 6, 264 })
    @Order(119)
    void keepsEveryPromiseUnderTheFaultsOfASeed(long seed) throws Exception {
        Result chaos = platform(Duration.ofMinutes(6), "chaos", "--duration", CHAOS_DURATION, "--rate", "3", "--seed",
                Long.toString(seed));

        String summary = chaos.output().strip().lines().reduce((first, second) -> second).orElse("");
        assertThat(summary).as(chaos.output()).startsWith("chaos seed " + seed).endsWith(": PASS");
        assertThat(chaos.exitCode()).as(chaos.output()).isZero();
    }

    /**
     * docs/demos.md: every demo against this stack, one after the other, each ending in PASS with its figures (the
     * verdict also checks every order of the demo from the services' data). At pace 0.3, on the short saga timings.
     */
    @ParameterizedTest(name = "demo {0}")
    @MethodSource("demos")
    @Order(120)
    void showsEachPatternSurvivingItsFault(String demo) throws Exception {
        List<String> before = runningInstances();

        Result run = platform(Duration.ofMinutes(6), "demo", demo);

        String verdict = run.output().strip().lines().reduce((first, second) -> second).orElse("");
        assertThat(verdict).as(run.output()).startsWith("PASS " + demo + ": ");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(runningInstances()).as("the demo put the stack back as it was").isEqualTo(before);
    }

    private static List<String> runningInstances() throws IOException {
        List<String> running = new ArrayList<>();
        for (Path file : runFiles()) {
            RunRecord.read(file).filter(RunRecord::isAlive).map(RunRecord::instance).ifPresent(running::add);
        }
        return running.stream().sorted().toList();
    }

    static Stream<String> demos() {
        return Demos.ALL.stream().map(Demo::name);
    }

    @Test
    @Order(121)
    void listsTheDemos() throws Exception {
        Result list = platformSucceeds(Duration.ofSeconds(60), "demo");
        demos().forEach(demo -> assertThat(list.output()).containsPattern("(?m)^" + demo + " +\\S"));
        Result unknown = platform(Duration.ofSeconds(60), "demo", "no-such-demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("no demo named 'no-such-demo'; there are payment-outage, ");
    }

    @Test
    @Order(125)
    void stopsEverythingWithoutLeftovers() throws Exception {
        List<Long> pids = recordedPids();

        platformSucceeds(Duration.ofMinutes(4), "down");
        assertThat(runFiles()).isEmpty();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            assertThat(processesOfTheStack()).isEmpty();
            assertThat(allPorts()).allMatch(PlatformIT::free);
        });
    }

    /** The README's main command: in the foreground, on data kept from the first run, stopped by Ctrl-C. */
    @Test
    @Order(130)
    void foregroundUpKeepsTheDataAndStopsCleanlyOnCtrlC() throws Exception {
        Path output = HOME.getParent().resolve("platform-up-foreground.out");
        Process up = processBuilder("up").redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Files.readString(output).contains("all healthy in") || !up.isAlive());
            assertThat(up.isAlive()).as(Files.readString(output)).isTrue();
            assertThat(shop.stock("MONITOR-27")).as("data kept across restarts").isZero();

            new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();

            assertThat(up.waitFor(3, TimeUnit.MINUTES)).as(Files.readString(output)).isTrue();
            System.out.println(Files.readString(output).lines().filter(line -> line.contains("all healthy in"))
                    .findFirst().orElse(""));
        } finally {
            up.destroyForcibly();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(processesOfTheStack()).isEmpty();
            assertThat(allPorts()).allMatch(PlatformIT::free);
        });
    }

    @Test
    @Order(140)
    void downWithVolumesWipesTheData() throws Exception {
        platformSucceeds(Duration.ofMinutes(2), "down", "-v");
        assertThat(HOME.resolve("data")).doesNotExist();
    }

    /** {@code count} orders of {@link #KEYBOARD_ORDER}, each accepted; their ids, in a list the test may add to. */
    /** Orders of one keyboard each (more may be added), and the keyboards in stock before the first was placed. */
    private record KeyboardOrders(int keyboardsBefore, List<String> orderIds) {
    }

    private KeyboardOrders keyboardOrdersPlaced(int count) {
        int keyboardsBefore = shop.stock("KEYBOARD-01");
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            orderIds.add(placed(KEYBOARD_ORDER));
        }
        return new KeyboardOrders(keyboardsBefore, orderIds);
    }

    /** Each order ended CONFIRMED and took its one keyboard from those in stock before them. */
    private void assertEachConfirmedWithItsKeyboard(KeyboardOrders orders) {
        assertThat(orders.orderIds().stream().map(this::awaitFinal).map(order -> order.path("status").asText()))
                .containsOnly("CONFIRMED");
        assertThat(shop.stock("KEYBOARD-01")).isEqualTo(orders.keyboardsBefore() - orders.orderIds().size());
    }

    private String placed(String body) {
        ShopClient.Response response = shop.placeOrder(body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
        return response.body().path("orderId").asText();
    }

    private JsonNode awaitFinal(String orderId) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> shop.orderOf(orderId), order -> !order.path("status").asText().equals("PENDING"));
    }

    /** Three orders, each cancelled for one business reason. */
    private record BusinessFailures(String outOfStock, String declined, String undeliverable) {
    }

    /**
     * Places an order of an item out of stock, {@code declinedOrder} (more than its customer can pay) and an order to
     * a postcode no carrier serves, and waits until each is cancelled for its reason.
     */
    private BusinessFailures oneCancelledForEachBusinessReason(String declinedOrder) {
        String outOfStock = placed(ShopClient.order("alice", "LAPTOP-14", 1, "10115", "DE"));
        String declined = placed(declinedOrder);
        String undeliverable = placed(ShopClient.order("alice", "MOUSE-01", 1, "00000", "NL"));
        assertCancelled(awaitFinal(outOfStock), "OUT_OF_STOCK");
        assertCancelled(awaitFinal(declined), "PAYMENT_DECLINED");
        assertCancelled(awaitFinal(undeliverable), "SHIPPING_FAILED");
        return new BusinessFailures(outOfStock, declined, undeliverable);
    }

    private static void assertCancelled(JsonNode order, String reason) {
        assertThat(order.path("status").asText()).as(order.toString()).isEqualTo("CANCELLED");
        assertThat(order.path("reason").asText()).as(order.toString()).isEqualTo(reason);
    }

    @BeforeAll
    static void startFromNothing() throws Exception {
        platform(Duration.ofMinutes(4), "down", "-v");
    }

    @AfterAll
    static void stopWhateverATestLeftRunning() throws Exception {
        platform(Duration.ofMinutes(4), "down");
    }

    private record Result(int exitCode, String output, Duration elapsed) {
    }

    /** {@link #platform}, asserting it exited 0 (its output shown if not). */
    private static Result platformSucceeds(Duration timeout, String... args) throws IOException, InterruptedException {
        Result result = platform(timeout, args);
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result;
    }

    private static Result platform(Duration timeout, String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile(HOME.getParent(), "platform-" + args[0], ".out");
        ProcessBuilder builder = processBuilder(args).redirectErrorStream(true).redirectOutput(output.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
            throw new AssertionError("./platform " + String.join(" ", args) + " did not finish within " + timeout
                    + ":\n" + Files.readString(output));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String text = Files.readString(output);
        Files.delete(output);
        // in target/failsafe-reports/*-output.txt: what a user would have seen
        System.out.printf("$ ./platform %s   (%.1f s, exit code %d)%n%s%n", String.join(" ", args),
                (System.nanoTime() - start) / 1e9, process.exitValue(), text);
        return new Result(process.exitValue(), text, elapsed);
    }

    /** ./platform from the repository root, on the test's own ports and state folder. */
    private static ProcessBuilder processBuilder(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(REPOSITORY.resolve("platform").toString());
        command.addAll(List.of(args));
        Files.createDirectories(HOME);
        ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
        builder.environment().put("PLATFORM_HOME", HOME.toString());
        SERVICE_PORTS.forEach((service, port) -> builder.environment().put(Topology.portKey(service), port.toString()));
        builder.environment().put("POSTGRES_PORT", Integer.toString(POSTGRES_PORT));
        builder.environment().put("KAFKA_PORT", Integer.toString(KAFKA_PORT));
        builder.environment().put("KAFKA_CONTROLLER_PORT", Integer.toString(KAFKA_CONTROLLER_PORT));
        builder.environment().put("TRACE_STORE_PORT", Integer.toString(TRACE_STORE_PORT));
        // a silent saga step given up after 14 s (2 + 4 + 8), a PENDING order announced again after 5 s and reported
        // stalled after 12 s: the chaos runs' SLOW_CONFIRMATION and UNPROCESSABLE outlast them within 50 s
        CHAOS_TIMINGS.forEach(builder.environment()::put);
        // the demos' phases (outages, load before and after) at 0.3 of what a user gets: the same steps, sooner
        builder.environment().put("PLATFORM_DEMO_PACE", "0.3");
        builder.environment().remove("PLATFORM_COLOR");
        return builder;
    }

    private List<String> registeredUpInEureka() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:28761/eureka/apps"))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(5)).build();
        JsonNode applications = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                .path("applications").path("application");
        List<String> up = new ArrayList<>();
        for (JsonNode application : applications) {
            for (JsonNode instance : application.path("instance")) {
                if (instance.path("status").asText().equals("UP")) {
                    up.add(application.path("name").asText() + ":" + instance.path("port").path("$").asText());
                }
            }
        }
        return up;
    }

    private String readiness(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String status = json.readTree(response.body()).path("status").asText();
        return response.statusCode() == 200 ? status : "HTTP " + response.statusCode() + " " + status;
    }

    private static List<Path> runFiles() throws IOException {
        Path run = HOME.resolve("run");
        if (!Files.isDirectory(run)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(run)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".properties")).toList();
        }
    }

    private static long recordedPid(String instance) throws IOException {
        return RunRecord.read(RunRecord.file(HOME.resolve("run"), instance)).orElseThrow().pid();
    }

    /** How many records the topic holds, over all its partitions. */
    private static long endOffsets(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + KAFKA_PORT,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static List<Long> recordedPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (Path file : runFiles()) {
            pids.add(RunRecord.read(file).orElseThrow().pid());
        }
        return pids;
    }

    /** PostgreSQL, Kafka and every service run from (or on data in) the test's state folder. */
    private static List<String> processesOfTheStack() {
        return ProcessHandle.allProcesses().filter(process -> process.pid() != ProcessHandle.current().pid())
                .map(process -> process.info().commandLine().orElse(""))
                .filter(commandLine -> commandLine.contains(HOME.toString()))
                .toList();
    }

    private static List<Integer> allPorts() {
        List<Integer> ports = new ArrayList<>(SERVICE_PORTS.values());
        ports.addAll(List.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, TRACE_STORE_PORT));
        return ports;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }
}
