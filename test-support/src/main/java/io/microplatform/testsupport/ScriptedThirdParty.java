package io.microplatform.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real HTTP server (the JDK's) that a service's ITs put between the service and its simulated third party (payment
 * provider, carrier): it forwards every call to the real /simulated/... endpoint of the service under test, unless a
 * test scripted answers for that order (500 twice, always 422, ...). Per order, so the ITs can share one application
 * context (one set of Kafka listeners) and still make the third party fail for one order only. It counts the calls per
 * order, which is how the tests see retries, and keeps the Idempotency-Key of each call, which it forwards. A
 * service's ITs import one {@link Setup} of it, the same way in every IT, so they keep sharing one application context.
 */
public final class ScriptedThirdParty implements AutoCloseable {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient forwarder = HttpClient.newHttpClient();
    private final Environment environment;
    private final String simulatedPath;
    private final Map<UUID, Script> scripts = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<UUID, List<String>> idempotencyKeys = new ConcurrentHashMap<>();

    private ScriptedThirdParty(Environment environment, String operationPath, String simulatedPath) throws IOException {
        this.environment = environment;
        this.simulatedPath = simulatedPath;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(operationPath, this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL the service is given for its third party. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} calls for the order are answered {@code status}; later ones are forwarded. */
    public void failNext(UUID orderId, int times, int status) {
        scripts.put(orderId, new Script(status, new AtomicInteger(times)));
    }

    /** Every call for the order is answered {@code status}: the third party is down (5xx) or refuses (4xx). */
    public void alwaysAnswer(UUID orderId, int status) {
        scripts.put(orderId, new Script(status, new AtomicInteger(Integer.MAX_VALUE)));
    }

    public int callsFor(UUID orderId) {
        AtomicInteger count = calls.get(orderId);
        return count == null ? 0 : count.get();
    }

    /** The Idempotency-Key header of every call for the order, in order ("" where a call had none). */
    public List<String> idempotencyKeysFor(UUID orderId) {
        return List.copyOf(idempotencyKeys.getOrDefault(orderId, List.of()));
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Matcher orderId = ORDER_ID.matcher(new String(body, StandardCharsets.UTF_8));
            UUID order = orderId.find() ? UUID.fromString(orderId.group(1)) : null;
            String idempotencyKey = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
            if (order != null) {
                calls.computeIfAbsent(order, id -> new AtomicInteger()).incrementAndGet();
                idempotencyKeys.computeIfAbsent(order, id -> new CopyOnWriteArrayList<>())
                        .add(idempotencyKey == null ? "" : idempotencyKey);
                Script script = scripts.get(order);
                if (script != null && script.remaining().getAndDecrement() > 0) {
                    respond(exchange, script.status(), "{\"title\":\"scripted " + script.status() + "\"}");
                    return;
                }
            }
            HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + environment.getProperty("local.server.port") + simulatedPath))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (idempotencyKey != null) {
                forwarded.header(IDEMPOTENCY_KEY, idempotencyKey);
            }
            HttpResponse<String> real = forwarder.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
            respond(exchange, real.statusCode(), real.body());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "{}");
        }
        finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private record Script(int status, AtomicInteger remaining) {
    }

    /**
     * The scripted third party as a bean, and the service's base-URL property pointing at it. A service's ITs import
     * one subclass, a {@code @TestConfiguration(proxyBeanMethods = false)} that names the third party's paths.
     */
    public abstract static class Setup {

        private final String baseUrlProperty;
        private final String operationPath;
        private final String simulatedPath;

        /**
         * @param baseUrlProperty the service's property for the third party's base URL, e.g.
         *        {@code payment.provider.base-url}
         * @param operationPath the path the service calls below that base URL, e.g. {@code /charges}
         * @param simulatedPath the service's own simulated endpoint that answers unscripted calls
         */
        protected Setup(String baseUrlProperty, String operationPath, String simulatedPath) {
            this.baseUrlProperty = baseUrlProperty;
            this.operationPath = operationPath;
            this.simulatedPath = simulatedPath;
        }

        @Bean
        public ScriptedThirdParty scriptedThirdParty(Environment environment) throws IOException {
            return new ScriptedThirdParty(environment, operationPath, simulatedPath);
        }

        @Bean
        public DynamicPropertyRegistrar scriptedThirdPartyUrl(ScriptedThirdParty thirdParty) {
            return registry -> registry.add(baseUrlProperty, thirdParty::baseUrl);
        }
    }
}
