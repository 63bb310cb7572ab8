package io.microplatform.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The two encodings of OTLP/HTTP (opentelemetry.io/docs/specs/otlp/#otlphttp): binary protobuf, what the services'
 * OtlpHttpSpanExporter sends, and protobuf's JSON mapping with OTLP's own twist, hex instead of base64 ids. A response
 * is written in the encoding of its request, as the specification requires.
 */
enum OtlpEncoding {

    PROTOBUF("application/x-protobuf") {
        @Override
        ExportTraceServiceRequest decode(byte[] body) throws InvalidProtocolBufferException {
            return ExportTraceServiceRequest.parseFrom(body);
        }

        @Override
        byte[] success() {
            // an empty ExportTraceServiceResponse: no partial success to report
            return new byte[0];
        }

        @Override
        byte[] invalidArgument(String message) {
            // google.rpc.Status { int32 code = 1; string message = 2; }: its class lives in a library of its own, and
            // two fields do not justify one
            return UnknownFieldSet.newBuilder()
                    .addField(1, UnknownFieldSet.Field.newBuilder().addVarint(INVALID_ARGUMENT).build())
                    .addField(2, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8(message)).build())
                    .build().toByteArray();
        }
    },

    JSON("application/json") {
        @Override
        ExportTraceServiceRequest decode(byte[] body) throws IOException {
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new InvalidProtocolBufferException("expected a JSON object");
            }
            hexIdsToBase64(tree);
            ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
            // OTLP receivers must ignore fields they do not know: senders may be newer than this receiver
            JsonFormat.parser().ignoringUnknownFields().merge(tree.toString(), request);
            return request.build();
        }

        @Override
        byte[] success() {
            return "{}".getBytes(UTF_8);
        }

        @Override
        byte[] invalidArgument(String message) {
            ObjectNode status = json.createObjectNode().put("code", INVALID_ARGUMENT).put("message", message);
            return status.toString().getBytes(UTF_8);
        }
    };

    /** gRPC's status code for a request that can never succeed as it is (OTLP answers it with HTTP 400). */
    private static final int INVALID_ARGUMENT = 3;
    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
    private static final ObjectMapper json = new ObjectMapper();

    private final String mediaType;

    OtlpEncoding(String mediaType) {
        this.mediaType = mediaType;
    }

    String mediaType() {
        return mediaType;
    }

    /** The encoding a Content-Type header names (parameters such as charset ignored), empty for any other type. */
    static Optional<OtlpEncoding> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        for (OtlpEncoding encoding : values()) {
            if (encoding.mediaType.equals(mediaType)) {
                return Optional.of(encoding);
            }
        }
        return Optional.empty();
    }

    /**
     * @throws IOException (an InvalidProtocolBufferException or Jackson's parse exception) when the body is not a
     *     request in this encoding
     */
    abstract ExportTraceServiceRequest decode(byte[] body) throws IOException;

    abstract byte[] success();

    /** A google.rpc.Status, the body OTLP prescribes for a 400. */
    abstract byte[] invalidArgument(String message);

    /** Trace and span ids are hex in OTLP/JSON, where protobuf's JSON mapping of bytes expects base64. */
    private static void hexIdsToBase64(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (ID_FIELDS.contains(field.getKey()) && field.getValue().isTextual()) {
                    byte[] id = HexFormat.of().parseHex(field.getValue().asText());
                    field.setValue(object.textNode(Base64.getEncoder().encodeToString(id)));
                } else {
                    hexIdsToBase64(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(OtlpEncoding::hexIdsToBase64);
        }
    }
}
