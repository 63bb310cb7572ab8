package io.microplatform.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Eureka server as the real Eureka client sees it, faked with the JDK's HTTP server: GET /eureka/apps/ answers the
 * registry JSON a test supplies at that moment, or 503 while it supplies none.
 */
public final class FakeEurekaRegistry implements AutoCloseable {

    private final HttpServer server;
    private final Supplier<String> applications;

    private FakeEurekaRegistry(Supplier<String> applications) throws IOException {
        this.applications = applications;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/eureka/apps/", this::answer);
        server.start();
    }

    /** @param applications what GET /eureka/apps/ answers now, as a Eureka server's JSON; null for 503 */
    public static FakeEurekaRegistry answering(Supplier<String> applications) throws IOException {
        return new FakeEurekaRegistry(applications);
    }

    /**
     * Command-line arguments for the application under test: fetch from this registry every second, in full, and
     * never register; followed by the test's own.
     */
    public String[] clientArguments(String... more) {
        return Stream.concat(Stream.of(
                        "--eureka.client.service-url.defaultZone=http://127.0.0.1:" + server.getAddress().getPort() + "/eureka/",
                        "--eureka.client.registry-fetch-interval-seconds=1",
                        "--eureka.client.disable-delta=true",
                        "--eureka.client.register-with-eureka=false"), Stream.of(more))
                .toArray(String[]::new);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            String json = applications.get();
            if (json == null) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
