package io.microplatform.order;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The two endpoints order-service calls, with the demo data of inventory-service and shipping-service, on a real
 * HTTP server on 127.0.0.1: the clients go through their real HTTP stack, load balancer and timeouts.
 */
public final class StubRemoteServices implements AutoCloseable {

    public static final Map<String, BigDecimal> PRICES = Map.of(
            "KEYBOARD-01", new BigDecimal("49.90"),
            "MOUSE-01", new BigDecimal("19.90"),
            "MONITOR-27", new BigDecimal("299.00"),
            "LAPTOP-14", new BigDecimal("1299.00"));
    public static final Map<String, BigDecimal> RATES = Map.of(
            "US", new BigDecimal("9.99"), "CA", new BigDecimal("9.99"), "GB", new BigDecimal("7.99"),
            "DE", new BigDecimal("4.99"), "FR", new BigDecimal("5.99"), "NL", new BigDecimal("4.99"),
            "JP", new BigDecimal("14.99"));
    /** inventory-service fails with a 500 for this sku. */
    public static final String BROKEN_SKU = "BROKEN-01";
    /** inventory-service is overloaded for this sku: 503 with Retry-After. */
    public static final String OVERLOADED_SKU = "OVERLOADED-01";
    /** inventory-service prices every sku with this prefix at 1.00, with stock 1000 (orders at the field limits). */
    public static final String ONE_EURO_PREFIX = "LIMIT-";
    /** inventory-service answers this sku only after {@link #releaseSlowAnswers()}. */
    public static final String SLOW_SKU = "SLOW-01";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stub-remote-services");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CountDownLatch slowAnswers = new CountDownLatch(1);
    private volatile CountDownLatch quoteGate;
    private final AtomicInteger itemRequests = new AtomicInteger();
    // faults the resilience tests inject: inventory answering 500, shipping answering late
    private final AtomicInteger failingItemRequests = new AtomicInteger();
    private volatile boolean itemsDown;
    private volatile Duration quoteLatency = Duration.ZERO;
    private volatile Duration quoteTrickle = Duration.ZERO;
    private volatile String lastQuoteTraceparent;
    private volatile CountDownLatch lateQuotes = new CountDownLatch(1);
    private final AtomicInteger quoteRequests = new AtomicInteger();

    private StubRemoteServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/inventory/items/", this::item);
        server.createContext("/api/shipping/quotes", this::quote);
        server.setExecutor(threads);
        server.start();
    }

    public static StubRemoteServices start() {
        return new StubRemoteServices();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The next {@code requests} quote requests wait for each other (at most 10 s), then are all answered at once:
     * concurrent order placements all get past their first look for an idempotency key before any of them writes.
     */
    public void holdQuotesUntil(int requests) {
        quoteGate = new CountDownLatch(requests);
    }

    /** Item requests received since the start. */
    public int itemRequests() {
        return itemRequests.get();
    }

    /** Quote requests received since the start. */
    public int quoteRequests() {
        return quoteRequests.get();
    }

    /** The next {@code requests} item requests answer 500, whatever the sku. */
    public void failNextItemRequests(int requests) {
        failingItemRequests.set(requests);
    }

    /** Every item request answers 500 until {@link #recover()}. */
    public void takeItemsDown() {
        itemsDown = true;
    }

    /** Every quote request is answered only after this long (or {@link #recover()}). */
    public void delayQuotes(Duration latency) {
        quoteLatency = latency;
    }

    /**
     * Every quote answer is sent a byte at a time, with this pause before each byte: the socket is never silent
     * for longer than the pause, so a read timeout above it never fires however long the whole answer takes.
     */
    public void trickleQuotes(Duration pauseBeforeEachByte) {
        quoteTrickle = pauseBeforeEachByte;
    }

    /** The W3C traceparent header of the last quote request, null if it had none. */
    public String lastQuoteTraceparent() {
        return lastQuoteTraceparent;
    }

    /** No more injected faults; late quotes still waiting are answered now. */
    public void recover() {
        itemsDown = false;
        failingItemRequests.set(0);
        quoteLatency = Duration.ZERO;
        quoteTrickle = Duration.ZERO;
        lateQuotes.countDown();
        lateQuotes = new CountDownLatch(1);
    }

    public void releaseSlowAnswers() {
        slowAnswers.countDown();
        slowAnswers = new CountDownLatch(1);
    }

    private void item(HttpExchange exchange) throws IOException {
        itemRequests.incrementAndGet();
        String sku = exchange.getRequestURI().getPath().substring("/api/inventory/items/".length());
        if (!"GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "application/problem+json", "{\"status\":405}");
        }
        else if (itemsDown || failingItemRequests.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            respond(exchange, 500, "application/problem+json", "{\"title\":\"Injected fault\",\"status\":500}");
        }
        else if (BROKEN_SKU.equals(sku)) {
            respond(exchange, 500, "application/problem+json", "{\"title\":\"Internal Server Error\",\"status\":500}");
        }
        else if (OVERLOADED_SKU.equals(sku)) {
            exchange.getResponseHeaders().set("Retry-After", "0");
            respond(exchange, 503, "application/problem+json", "{\"title\":\"Service Unavailable\",\"status\":503}");
        }
        else if (SLOW_SKU.equals(sku)) {
            await(slowAnswers);
            respond(exchange, 200, "application/json",
                    "{\"sku\":\"%s\",\"name\":\"Slow\",\"price\":1.00,\"stock\":1}".formatted(sku));
        }
        else if (sku.startsWith(ONE_EURO_PREFIX)) {
            respond(exchange, 200, "application/json",
                    "{\"sku\":\"%s\",\"name\":\"Limit\",\"price\":1.00,\"stock\":1000}".formatted(sku));
        }
        else if (PRICES.containsKey(sku)) {
            respond(exchange, 200, "application/json", "{\"sku\":\"%s\",\"name\":\"%s\",\"price\":%s,\"stock\":100}"
                    .formatted(sku, sku.toLowerCase(), PRICES.get(sku).toPlainString()));
        }
        else {
            respond(exchange, 404, "application/problem+json",
                    "{\"title\":\"Item not found\",\"status\":404,\"sku\":\"%s\"}".formatted(sku));
        }
    }

    private void quote(HttpExchange exchange) throws IOException {
        quoteRequests.incrementAndGet();
        lastQuoteTraceparent = exchange.getRequestHeaders().getFirst("traceparent");
        JsonNode request = json.readTree(exchange.getRequestBody());
        CountDownLatch gate = quoteGate;
        if (gate != null) {
            gate.countDown();
            await(gate);
        }
        Duration latency = quoteLatency;
        if (!latency.isZero()) {
            try {
                lateQuotes.await(latency.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String country = request.path("country").asText();
        if (!"POST".equals(exchange.getRequestMethod()) || !request.path("items").isArray()
                || request.path("postalCode").asText().isEmpty()) {
            respond(exchange, 400, "application/problem+json", "{\"status\":400}");
        }
        else if (RATES.containsKey(country) && !quoteTrickle.isZero()) {
            trickle(exchange, "{\"country\":\"%s\",\"cost\":%s}".formatted(country, RATES.get(country).toPlainString()),
                    quoteTrickle);
        }
        else if (RATES.containsKey(country)) {
            respond(exchange, 200, "application/json",
                    "{\"country\":\"%s\",\"cost\":%s}".formatted(country, RATES.get(country).toPlainString()));
        }
        else {
            respond(exchange, 422, "application/problem+json",
                    "{\"title\":\"Unsupported country\",\"status\":422,\"country\":%s}".formatted(json.writeValueAsString(country)));
        }
    }

    private static void trickle(HttpExchange exchange, String body, Duration pause) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            for (byte b : bytes) {
                Thread.sleep(pause.toMillis());
                out.write(b);
                out.flush();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        slowAnswers.countDown();
        lateQuotes.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
