package io.microplatform.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's trace store on 127.0.0.1 only, so traces need neither Docker nor a collector: an OTLP/HTTP
 * receiver, {@code POST /v1/traces}, the endpoint the services export to here as they do to Jaeger or a collector
 * elsewhere; and the part of Zipkin's v2 read API a developer needs, {@code GET /api/v2/trace/{traceId}} and
 * {@code GET /api/v2/traces?serviceName=&limit=}.
 */
final class TraceStoreServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TraceStoreServer.class);
    private static final String OTLP_TRACES = "/v1/traces";
    private static final String TRACE = "/api/v2/trace/";
    private static final String TRACES = "/api/v2/traces";

    private final TraceStore store;
    private final HttpServer server;
    private final ExecutorService executor;

    private TraceStoreServer(TraceStore store, HttpServer server, ExecutorService executor) {
        this.store = store;
        this.server = server;
        this.executor = executor;
    }

    static TraceStoreServer start(TraceStore store, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        // two threads: writes are serialized by the store anyway, reads are rare
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "trace-store");
            thread.setDaemon(true);
            return thread;
        });
        TraceStoreServer started = new TraceStoreServer(store, server, executor);
        server.createContext(OTLP_TRACES, started::receive);
        server.createContext("/api/v2/", started::handle);
        server.setExecutor(executor);
        server.start();
        return started;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /**
     * OTLP/HTTP's answers (opentelemetry.io/docs/specs/otlp/#otlphttp-response): 200 with an empty
     * ExportTraceServiceResponse once every span is stored, 400 with a google.rpc.Status for a body that is not a
     * request (exporters do not retry it), 415 for an encoding OTLP does not have; each in the request's encoding.
     */
    private void receive(HttpExchange exchange) {
        try {
            if (!exchange.getRequestURI().getPath().equals(OTLP_TRACES)) {
                respond(exchange, 404, "{\"message\":\"not found\"}");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, null);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Optional<OtlpEncoding> encoding = OtlpEncoding.of(contentType);
            if (encoding.isEmpty()) {
                respond(exchange, 415, "{\"message\":\"OTLP/HTTP is application/x-protobuf or application/json, not "
                        + String.valueOf(contentType).replace("\"", "'") + "\"}");
                return;
            }
            List<ObjectNode> spans;
            try {
                spans = ZipkinSpans.from(encoding.get().decode(body(exchange)));
            } catch (IOException | IllegalArgumentException e) {
                // not OTLP, not gzip although it says so, or spans without valid ids: retrying cannot help
                respond(exchange, 400, encoding.get().mediaType(), encoding.get().invalidArgument(
                        "not an OTLP ExportTraceServiceRequest in " + encoding.get().mediaType() + ": " + e.getMessage()));
                return;
            }
            store.append(spans);
            respond(exchange, 200, encoding.get().mediaType(), encoding.get().success());
        } catch (IOException | RuntimeException e) {
            log.warn("trace store request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respond(exchange, 500, null);
        } finally {
            exchange.close();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.startsWith(TRACE) && method.equals("GET")) {
                String traceId = path.substring(TRACE.length());
                if (!traceId.matches("[0-9a-fA-F]{16}|[0-9a-fA-F]{32}")) {
                    respond(exchange, 400, "{\"message\":\"a trace id is 16 or 32 hex digits\"}");
                    return;
                }
                var spans = store.trace(traceId);
                respond(exchange, spans.isEmpty() ? 404 : 200, spans.isEmpty() ? "[]" : spans.toString());
            } else if (path.equals(TRACES) && method.equals("GET")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
                respond(exchange, 200, store.traces(query.get("serviceName"), limit).toString());
            } else {
                respond(exchange, 404, "{\"message\":\"not found\"}");
            }
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, "{\"message\":\"" + e.getMessage().replace("\"", "'") + "\"}");
        } catch (IOException | RuntimeException e) {
            log.warn("trace store request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            respond(exchange, 500, null);
        } finally {
            exchange.close();
        }
    }

    /** OTLP exporters gzip a batch when configured to (Content-Encoding: gzip). */
    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        try (InputStream body = in) {
            return body.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) {
        respond(exchange, status, "application/json", json == null ? new byte[0] : json.getBytes(UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) {
        try {
            if (body.length > 0 || contentType.equals(OtlpEncoding.PROTOBUF.mediaType())) {
                // an empty protobuf body is a message too (an ExportTraceServiceResponse without partial success)
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), UTF_8));
                }
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
