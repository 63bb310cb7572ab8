package io.microplatform.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String OTHER_TRACE = "00f067aa0ba902b74bf92f3577b34da6";

    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();

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

    /** The shape ZipkinSpans stores. */
    private JsonNode span(String traceId, String id, String service) throws Exception {
        return json.readTree("""
                {"traceId":"%s","id":"%s","kind":"SERVER","name":"http post /api/orders","timestamp":1764185000000000,
                 "duration":1200,"localEndpoint":{"serviceName":"%s"},"tags":{"outcome":"SUCCESS"}}
                """.formatted(traceId, id + "00000000000000".substring(id.length()), service));
    }

    private static List<JsonNode> spans(JsonNode... spans) {
        return List.of(spans);
    }
}
