package io.microplatform.localstack;

import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStoreServerTest {

    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private TraceStore store;
    private TraceStoreServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        store = new TraceStore(home.resolve("traces").resolve("spans.jsonl"));
        server = TraceStoreServer.start(store, 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void storesWhatOpenTelemetrysOtlpExporterSendsAsOneZipkinTrace() throws Exception {
        long before = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis() - 1);
        SdkTracerProvider orders = provider("order-service", false);
        // the second service's exporter gzips its batches (management.otlp.tracing.compression=gzip in a service)
        SdkTracerProvider payments = provider("payment-service", true);
        Tracer orderTracer = orders.tracerBuilder("io.micrometer.tracing").setInstrumentationVersion("1.5.5").build();

        Span request = orderTracer.spanBuilder("http post /api/orders").setSpanKind(SpanKind.SERVER)
                .setAttribute("http.method", "POST").setAttribute("http.status_code", 202L)
                .setAttribute(stringArrayKey("skus"), List.of("KEYBOARD-01", "MOUSE-01")).startSpan();
        Span quote = orderTracer.spanBuilder("http get /api/shipping/quotes").setSpanKind(SpanKind.CLIENT)
                .setParent(Context.root().with(request)).startSpan();
        quote.addEvent("retry shipping attempt 2 after ResourceAccessException");
        quote.addEvent("exception", Attributes.of(stringKey("exception.type"), "java.net.SocketTimeoutException"));
        quote.setStatus(StatusCode.ERROR, "quote timed out");
        quote.end();
        orderTracer.spanBuilder("outbox relay").setParent(Context.root().with(request)).startSpan().end();
        request.end();
        // payment-service continues the trace it received with a message (a remote parent, another process)
        payments.get("io.micrometer.tracing").spanBuilder("payment-commands receive").setSpanKind(SpanKind.CONSUMER)
                .setParent(Context.root().with(Span.wrap(quote.getSpanContext()))).startSpan().end();
        flush(orders, payments);
        long after = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis() + 1);

        String traceId = request.getSpanContext().getTraceId();
        HttpResponse<String> found = get("/api/v2/trace/" + traceId);

        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode spans = json.readTree(found.body());
        assertThat(spans).hasSize(4).allSatisfy(span -> assertThat(span.path("traceId").asText()).isEqualTo(traceId));
        JsonNode incoming = named(spans, "http post /api/orders");
        assertThat(incoming.has("parentId")).isFalse();
        assertThat(incoming.path("id").asText()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(incoming.path("kind").asText()).isEqualTo("SERVER");
        assertThat(incoming.path("localEndpoint").path("serviceName").asText()).isEqualTo("order-service");
        assertThat(incoming.path("timestamp").asLong()).isBetween(before, after);
        assertThat(incoming.path("duration").asLong()).isPositive()
                .isLessThanOrEqualTo(after - incoming.path("timestamp").asLong());
        assertThat(incoming.path("tags").path("http.method").asText()).isEqualTo("POST");
        assertThat(incoming.path("tags").path("http.status_code").asText()).isEqualTo("202");
        assertThat(incoming.path("tags").path("skus").asText()).isEqualTo("KEYBOARD-01,MOUSE-01");
        assertThat(incoming.path("tags").path("otel.scope.name").asText()).isEqualTo("io.micrometer.tracing");
        assertThat(incoming.path("tags").path("otel.scope.version").asText()).isEqualTo("1.5.5");

        JsonNode client = named(spans, "http get /api/shipping/quotes");
        assertThat(client.path("parentId").asText()).isEqualTo(incoming.path("id").asText());
        assertThat(client.path("kind").asText()).isEqualTo("CLIENT");
        assertThat(client.path("annotations")).extracting(annotation -> annotation.path("value").asText())
                .containsExactly("retry shipping attempt 2 after ResourceAccessException",
                        "exception {\"exception.type\":\"java.net.SocketTimeoutException\"}");
        assertThat(client.path("annotations")).allSatisfy(annotation -> assertThat(annotation.path("timestamp").asLong())
                .isBetween(client.path("timestamp").asLong(), after));
        assertThat(client.path("tags").path("otel.status_code").asText()).isEqualTo("ERROR");
        assertThat(client.path("tags").path("error").asText()).isEqualTo("quote timed out");

        JsonNode internal = named(spans, "outbox relay");
        assertThat(internal.path("parentId").asText()).isEqualTo(incoming.path("id").asText());
        assertThat(internal.has("kind")).as("Zipkin has no INTERNAL kind").isFalse();

        JsonNode consumer = named(spans, "payment-commands receive");
        assertThat(consumer.path("parentId").asText()).isEqualTo(client.path("id").asText());
        assertThat(consumer.path("kind").asText()).isEqualTo("CONSUMER");
        assertThat(consumer.path("localEndpoint").path("serviceName").asText()).isEqualTo("payment-service");

        assertThat(Files.readAllLines(store.file())).hasSize(4);
        assertThat(json.readTree(get("/api/v2/traces?serviceName=payment-service&limit=5").body()))
                .extracting(trace -> trace.get(0).path("traceId").asText()).containsExactly(traceId);
    }

    @Test
    void answersInTheEncodingOfTheRequestAsOtlpSays() throws Exception {
        HttpResponse<byte[]> protobuf = post("application/x-protobuf", request(span("5b8efff798038103d269b633813fc60c")));
        HttpResponse<byte[]> jsonEncoded = post("application/json; charset=utf-8", "{}".getBytes());

        assertThat(protobuf.statusCode()).isEqualTo(200);
        assertThat(protobuf.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        assertThat(ExportTraceServiceResponse.parseFrom(protobuf.body()).hasPartialSuccess()).isFalse();
        assertThat(jsonEncoded.statusCode()).isEqualTo(200);
        assertThat(jsonEncoded.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new String(jsonEncoded.body())).isEqualTo("{}");
    }

    @Test
    void readsOtlpJsonWithItsHexIdsAndIgnoresFieldsItDoesNotKnow() throws Exception {
        HttpResponse<byte[]> posted = post("application/json", """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"browser"}}]},
                  "scopeSpans":[{"scope":{"name":"manual"},"spans":[{
                    "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
                    "parentSpanId":"eee19b7ec3c1b173","name":"checkout","kind":3,
                    "startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661000000000",
                    "attributes":[{"key":"http.status_code","value":{"intValue":"200"}}],
                    "events":[{"timeUnixNano":"1544712660500000000","name":"clicked"}],
                    "status":{"code":1},"aFieldFromANewerSpecification":true}]}]}]}
                """.getBytes());

        assertThat(posted.statusCode()).isEqualTo(200);
        JsonNode span = json.readTree(get("/api/v2/trace/5b8efff798038103d269b633813fc60c").body()).get(0);
        assertThat(span).isEqualTo(json.readTree("""
                {"traceId":"5b8efff798038103d269b633813fc60c","parentId":"eee19b7ec3c1b173","id":"eee19b7ec3c1b174",
                 "kind":"CLIENT","name":"checkout","timestamp":1544712660000000,"duration":1000000,
                 "localEndpoint":{"serviceName":"browser"},
                 "annotations":[{"timestamp":1544712660500000,"value":"clicked"}],
                 "tags":{"http.status_code":"200","otel.status_code":"OK","otel.scope.name":"manual"}}
                """));
    }

    @Test
    void refusesWhatIsNotAnOtlpRequestAndStoresNothing() throws Exception {
        HttpResponse<byte[]> garbage = post("application/x-protobuf", "this is not protobuf".getBytes());
        HttpResponse<byte[]> notJson = post("application/json", "{\"resourceSpans\":".getBytes());
        // one span without a valid trace id spoils the batch: nothing of it is stored
        HttpResponse<byte[]> badId = post("application/x-protobuf",
                request(span("5b8efff798038103d269b633813fc60c"), span("5b8e")));
        HttpResponse<byte[]> zipkin = post("application/json", "[]".getBytes(), "/api/v2/spans");
        HttpResponse<byte[]> text = post("text/plain", "hello".getBytes());
        HttpResponse<String> read = get("/v1/traces");

        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        // a google.rpc.Status: code 3 (INVALID_ARGUMENT), message 2, which the exporter logs
        UnknownFieldSet status = UnknownFieldSet.parseFrom(garbage.body());
        assertThat(status.getField(1).getVarintList()).containsExactly(3L);
        assertThat(status.getField(2).getLengthDelimitedList().get(0).toStringUtf8())
                .startsWith("not an OTLP ExportTraceServiceRequest in application/x-protobuf");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notJson.body()).path("code").asInt()).isEqualTo(3);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(new String(badId.body())).contains("invalid trace id");
        assertThat(zipkin.statusCode()).as("Zipkin's span intake is gone").isEqualTo(404);
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(read.statusCode()).isEqualTo(405);
        assertThat(store.file()).doesNotExist();
        assertThat(get("/api/v2/trace/5b8efff798038103d269b633813fc60c").statusCode()).isEqualTo(404);
        assertThat(get("/api/v2/trace/not-hex").statusCode()).isEqualTo(400);
    }

    private SdkTracerProvider provider(String service, boolean gzip) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces")
                .setCompression(gzip ? "gzip" : "none").build();
        return SdkTracerProvider.builder()
                .setResource(io.opentelemetry.sdk.resources.Resource.create(
                        Attributes.of(stringKey("service.name"), service)))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    }

    private static void flush(SdkTracerProvider... providers) {
        for (SdkTracerProvider provider : providers) {
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            provider.close();
        }
    }

    private static JsonNode named(JsonNode spans, String name) {
        for (JsonNode span : spans) {
            if (span.path("name").asText().equals(name)) {
                return span;
            }
        }
        throw new AssertionError("no span " + name + " in " + spans);
    }

    private static io.opentelemetry.proto.trace.v1.Span span(String traceId) {
        return io.opentelemetry.proto.trace.v1.Span.newBuilder()
                .setTraceId(ByteString.fromHex(traceId)).setSpanId(ByteString.fromHex("eee19b7ec3c1b174"))
                .setName("checkout").setStartTimeUnixNano(1_544_712_660_000_000_000L)
                .setEndTimeUnixNano(1_544_712_661_000_000_000L).build();
    }

    private static byte[] request(io.opentelemetry.proto.trace.v1.Span... spans) {
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue("order-service"))))
                .addScopeSpans(ScopeSpans.newBuilder().addAllSpans(List.of(spans)))).build().toByteArray();
    }

    private HttpResponse<byte[]> post(String contentType, byte[] body) throws Exception {
        return post(contentType, body, "/v1/traces");
    }

    private HttpResponse<byte[]> post(String contentType, byte[] body, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
