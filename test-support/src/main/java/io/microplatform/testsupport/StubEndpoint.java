package io.microplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A third party's endpoint on a real HTTP server (the JDK's, 127.0.0.1): answers every request to one path with a
 * fixed JSON body, or with the status a test set, or holds it until released (at most 10 s). Counts the calls, which
 * is how a test sees retries, breakers and bulkheads at work.
 */
public final class StubEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String okBody;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private volatile int failure;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private StubEndpoint(String path, String okBody) {
        this.okBody = okBody;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, this::answer);
        server.setExecutor(threads);
        server.start();
    }

    /** @param okBody the JSON of a 200 answer */
    public static StubEndpoint start(String path, String okBody) {
        return new StubEndpoint(path, okBody);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Calls received since the start or the last {@link #reset()}. */
    public int calls() {
        return calls.get();
    }

    /** The value of the header in each call received since the start or the last {@link #reset()}, in order. */
    public List<Optional<String>> header(String name) {
        return received.stream().map(headers -> Optional.ofNullable(headers.getFirst(name))).toList();
    }

    /** No calls counted, 200 answers, nothing held. */
    public void reset() {
        calls.set(0);
        received.clear();
        failure = 0;
        gate = new CountDownLatch(0);
    }

    /** Every call answers this status (with a small JSON body) from now on. */
    public void failWith(int status) {
        failure = status;
    }

    /** Calls from now on wait for {@link #release()}. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        gate.countDown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders());
            calls.incrementAndGet();
            gate.await(10, TimeUnit.SECONDS);
            int status = failure == 0 ? 200 : failure;
            byte[] body = (status == 200 ? okBody : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
