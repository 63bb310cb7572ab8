package io.microplatform.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * OTLP spans as the trace store keeps them: Zipkin v2 JSON, the shape OpenTelemetry's own Zipkin exporter writes, so
 * the store's read API, the spans.jsonl file and every jq line in docs/tracing.md read the same whichever way spans
 * arrive. Two deliberate differences: an event without attributes becomes an annotation that is just its name (the
 * Zipkin exporter writes {@code "name":{}}), and the endpoint carries no IP address (everything is 127.0.0.1 here).
 */
final class ZipkinSpans {

    private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private static final HexFormat hex = HexFormat.of();
    private static final String SERVICE_NAME = "service.name";
    /** What OpenTelemetry's specification says a span without a service.name resource attribute belongs to. */
    private static final String UNKNOWN_SERVICE = "unknown_service";

    private ZipkinSpans() {
    }

    /** @throws IllegalArgumentException for a span whose trace or span id is not a valid one: nothing can find it */
    static List<ObjectNode> from(ExportTraceServiceRequest request) {
        List<ObjectNode> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            String service = resourceSpans.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals(SERVICE_NAME))
                    .map(attribute -> attribute.getValue().getStringValue())
                    .filter(name -> !name.isEmpty())
                    .findFirst().orElse(UNKNOWN_SERVICE);
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(zipkin(span, service, scopeSpans.getScope()));
                }
            }
        }
        return spans;
    }

    private static ObjectNode zipkin(Span span, String service, InstrumentationScope scope) {
        ObjectNode zipkin = nodes.objectNode();
        zipkin.put("traceId", id(span.getTraceId(), 16, "trace id"));
        if (!span.getParentSpanId().isEmpty() && !allZero(span.getParentSpanId())) {
            zipkin.put("parentId", id(span.getParentSpanId(), 8, "parent span id"));
        }
        zipkin.put("id", id(span.getSpanId(), 8, "span id"));
        String kind = kind(span.getKind());
        if (kind != null) {
            zipkin.put("kind", kind);
        }
        zipkin.put("name", span.getName());
        long start = micros(span.getStartTimeUnixNano());
        zipkin.put("timestamp", start);
        zipkin.put("duration", Math.max(1, micros(span.getEndTimeUnixNano()) - start));
        zipkin.putObject("localEndpoint").put("serviceName", service);
        if (span.getEventsCount() > 0) {
            var annotations = zipkin.putArray("annotations");
            for (Span.Event event : span.getEventsList()) {
                annotations.addObject().put("timestamp", micros(event.getTimeUnixNano())).put("value", annotation(event));
            }
        }
        ObjectNode tags = nodes.objectNode();
        span.getAttributesList().forEach(attribute -> tags.put(attribute.getKey(), tag(attribute.getValue())));
        if (span.getDroppedAttributesCount() > 0) {
            tags.put("otel.dropped_attributes_count", Integer.toString(span.getDroppedAttributesCount()));
        }
        if (span.getDroppedEventsCount() > 0) {
            tags.put("otel.dropped_events_count", Integer.toString(span.getDroppedEventsCount()));
        }
        Status status = span.getStatus();
        if (status.getCode() == Status.StatusCode.STATUS_CODE_OK) {
            tags.put("otel.status_code", "OK");
        } else if (status.getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
            tags.put("otel.status_code", "ERROR");
            // Zipkin marks a failed span by its "error" tag; an instrumentation's own error tag says more
            if (!tags.has("error")) {
                tags.put("error", status.getMessage());
            }
        }
        if (!scope.getName().isEmpty()) {
            tags.put("otel.scope.name", scope.getName());
        }
        if (!scope.getVersion().isEmpty()) {
            tags.put("otel.scope.version", scope.getVersion());
        }
        if (!tags.isEmpty()) {
            zipkin.set("tags", tags);
        }
        return zipkin;
    }

    private static String id(ByteString bytes, int length, String what) {
        if (bytes.size() != length || allZero(bytes)) {
            throw new IllegalArgumentException("a span with an invalid " + what + " (" + bytes.size() + " bytes)");
        }
        return hex.formatHex(bytes.toByteArray());
    }

    private static boolean allZero(ByteString bytes) {
        for (int i = 0; i < bytes.size(); i++) {
            if (bytes.byteAt(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Zipkin has no INTERNAL kind: a span without a kind is a local one. */
    private static String kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> "SERVER";
            case SPAN_KIND_CLIENT -> "CLIENT";
            case SPAN_KIND_PRODUCER -> "PRODUCER";
            case SPAN_KIND_CONSUMER -> "CONSUMER";
            default -> null;
        };
    }

    private static long micros(long unixNanos) {
        return unixNanos / 1_000;
    }

    private static String annotation(Span.Event event) {
        if (event.getAttributesCount() == 0) {
            return event.getName();
        }
        ObjectNode attributes = nodes.objectNode();
        event.getAttributesList().forEach(attribute -> attributes.set(attribute.getKey(), json(attribute.getValue())));
        return event.getName() + " " + attributes;
    }

    /** Zipkin tags are strings; arrays become comma-separated lists, as the Zipkin exporter writes them. */
    private static String tag(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(ZipkinSpans::tag)
                    .collect(Collectors.joining(","));
            case BYTES_VALUE -> json(value).asText();
            case KVLIST_VALUE -> json(value).toString();
            default -> "";
        };
    }

    private static JsonNode json(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> nodes.textNode(value.getStringValue());
            case BOOL_VALUE -> nodes.booleanNode(value.getBoolValue());
            case INT_VALUE -> nodes.numberNode(value.getIntValue());
            case DOUBLE_VALUE -> nodes.numberNode(value.getDoubleValue());
            case BYTES_VALUE -> nodes.textNode(Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> nodes.arrayNode().addAll(value.getArrayValue().getValuesList().stream()
                    .map(ZipkinSpans::json).toList());
            case KVLIST_VALUE -> {
                ObjectNode object = nodes.objectNode();
                for (KeyValue entry : value.getKvlistValue().getValuesList()) {
                    object.set(entry.getKey(), json(entry.getValue()));
                }
                yield object;
            }
            // not set, or a string-table index, which only the profiles signal uses
            default -> nodes.nullNode();
        };
    }
}
