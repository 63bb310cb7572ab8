package io.microplatform.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER_TRACE = "00f067aa0ba902b74bf92f3577b34da6";

    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void keepsSpansOnePerLineAndFindsThemByTraceAfterARestart() throws Exception {
        Path file = home.resolve("traces").resolve("spans.jsonl");
        new TraceStore(file).append(spans(span(TRACE, "a1", "order-service"), span(OTHER_TRACE, "b1", "payment-service")));
        new TraceStore(file).append(spans(span(TRACE, "a2", "saga-orchestrator")));

        TraceStore reopened = new TraceStore(file);

        assertThat(Files.readAllLines(file)).hasSize(3);
        assertThat(reopened.trace(TRACE.toUpperCase())).extracting(span -> span.path("id").asText().substring(0, 2))
                .containsExactly("a1", "a2");
        assertThat(reopened.trace("0123456789abcdef")).isEmpty();
    }

    @Test
    void listsTheLatestTracesOfAService() throws Exception {
        TraceStore store = new TraceStore(home.resolve("spans.jsonl"));
        store.append(spans(span(TRACE, "a1", "order-service"), span(OTHER_TRACE, "b1", "payment-service")));

        assertThat(store.traces("order-service", 10)).hasSize(1);
        assertThat(store.traces(null, 10)).extracting(trace -> trace.get(0).path("traceId").asText())
                .containsExactly(OTHER_TRACE, TRACE);
        assertThat(store.traces(null, 1)).hasSize(1);
    }

    @Test
    void speaksZipkinsHttpApiIncludingGzippedBatches() throws Exception {
        TraceStore store = new TraceStore(home.resolve("spans.jsonl"));
        try (TraceStoreServer server = TraceStoreServer.start(store, 0)) {
            String base = "http://127.0.0.1:" + server.port() + "/api/v2/";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "spans"))
                    .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(spans(span(TRACE, "a1", "order-service")))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> trace = get(base + "trace/" + TRACE);
            HttpResponse<String> traces = get(base + "traces?serviceName=order-service&limit=5");

            assertThat(posted.statusCode()).isEqualTo(202);
            assertThat(trace.statusCode()).isEqualTo(200);
            assertThat(json.readTree(trace.body()).get(0).path("localEndpoint").path("serviceName").asText())
                    .isEqualTo("order-service");
            assertThat(json.readTree(traces.body())).hasSize(1);
            assertThat(get(base + "trace/" + OTHER_TRACE).statusCode()).isEqualTo(404);
            assertThat(get(base + "trace/not-hex").statusCode()).isEqualTo(400);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "spans"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"not\":\"a list\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The shape the OpenTelemetry Zipkin exporter sends. */
    private JsonNode span(String traceId, String id, String service) throws Exception {
        return json.readTree("""
                {"traceId":"%s","id":"%s","kind":"SERVER","name":"http post /api/orders","timestamp":1764185000000000,
                 "duration":1200,"localEndpoint":{"serviceName":"%s","ipv4":"127.0.0.1"},"tags":{"outcome":"SUCCESS"}}
                """.formatted(traceId, id + "00000000000000".substring(id.length()), service));
    }

    private byte[] spans(JsonNode... spans) throws Exception {
        return json.writeValueAsBytes(json.createArrayNode().addAll(java.util.List.of(spans)));
    }

    private static byte[] gzip(byte[] body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
            zipped.write(body);
        }
        return out.toByteArray();
    }
}
