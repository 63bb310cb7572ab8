package io.microplatform.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The local stack's traces: Zipkin v2 spans, one JSON object per line in {@code $PLATFORM_HOME/traces/spans.jsonl},
 * appended as the services export them over OTLP, so they outlive restarts and can be read with grep and jq as well as
 * through {@link TraceStoreServer}. Zipkin's JSON rather than OTLP's on disk: one flat object per span, with its service
 * name in it, is what grep, jq and Zipkin's read API want. Reads scan the file rather than keeping an index in memory:
 * the trace store JVM has a small heap, and a developer's file of a few tens of MB scans in well under a second.
 */
final class TraceStore {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    TraceStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** @param spans Zipkin v2 spans (ZipkinSpans turns what the services export over OTLP into them) */
    int append(List<? extends JsonNode> spans) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (JsonNode span : spans) {
            lines.append(json.writeValueAsString(span)).append('\n');
        }
        synchronized (this) {
            Files.createDirectories(file.getParent());
            // one write per request: a reader never sees half of a line another request is writing
            try (Writer out = Files.newBufferedWriter(file, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(lines.toString());
            }
        }
        return spans.size();
    }

    /** Every span of one trace, in the order they arrived (Zipkin's GET /api/v2/trace/{traceId}). */
    ArrayNode trace(String traceId) throws IOException {
        String wanted = normalize(traceId);
        ArrayNode spans = json.createArrayNode();
        forEachSpan(wanted, span -> {
            if (normalize(span.path("traceId").asText()).equals(wanted)) {
                spans.add(span);
            }
        });
        return spans;
    }

    /** The most recent traces (by last arrival) that have a span of the service, or of any service when null. */
    ArrayNode traces(String serviceName, int limit) throws IOException {
        Map<String, List<JsonNode>> byTrace = new LinkedHashMap<>();
        forEachSpan(null, span -> {
            String traceId = normalize(span.path("traceId").asText());
            List<JsonNode> trace = byTrace.remove(traceId);
            // re-inserted: the map's order is the order of each trace's latest span
            byTrace.put(traceId, trace == null ? new ArrayList<>() : trace);
            byTrace.get(traceId).add(span);
        });
        List<List<JsonNode>> matching = byTrace.values().stream()
                .filter(trace -> serviceName == null || trace.stream().anyMatch(span -> serviceName.equals(service(span))))
                .toList();
        List<List<JsonNode>> latest = new ArrayList<>(matching.subList(Math.max(0, matching.size() - limit), matching.size()));
        Collections.reverse(latest);
        ArrayNode result = json.createArrayNode();
        latest.forEach(trace -> result.add(json.createArrayNode().addAll(trace)));
        return result;
    }

    private static String service(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asText(null);
    }

    /** Zipkin accepts 16 or 32 hex digits; a 64-bit id is the low half of the same 128-bit one. */
    private static String normalize(String traceId) {
        String lower = traceId.strip().toLowerCase(Locale.ROOT);
        return lower.length() < 32 ? "0".repeat(32 - lower.length()) + lower : lower;
    }

    private interface SpanConsumer {
        void accept(JsonNode span) throws IOException;
    }

    /** A line cut short by a kill -9 of the trace store JVM is skipped, not fatal. */
    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private void forEachSpan(String containing, SpanConsumer consumer) throws IOException {
        String hint = containing == null ? null : containing.replaceFirst("^0{16}", "");
        try (BufferedReader lines = Files.newBufferedReader(file, UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                // parsing only the lines that can match keeps a lookup fast in a big file
                if (!line.isBlank() && (hint == null || line.toLowerCase(Locale.ROOT).contains(hint))) {
                    JsonNode span = parse(line);
                    if (span != null) {
                        consumer.accept(span);
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no span reported yet
        }
    }
}
