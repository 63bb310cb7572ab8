package io.microplatform.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile requests to one JSON endpoint: valid requests broken in one to three ways, each of which alone makes the
 * request invalid, none of which makes it valid again (every change writes an invalid value, removes a required field
 * or adds what must not be there). So the service must refuse every one, whatever else it does with it.
 *
 * <pre>
 * HostileRequests.of(validBodies, List.of(Field.required("customerId", InvalidValues.identifier(64)), ...))
 *         .arbitrary()
 * </pre>
 */
public final class HostileRequests {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    /** Byte sequences that are no UTF-8: lone continuation, overlong, surrogate, cut, beyond U+10FFFF, invalid. */
    private static final List<byte[]> NOT_UTF8 = List.of(new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xFF },
            new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
            new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xE2, (byte) 0x82 },
            new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
            new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 });
    private static final List<String> NOT_JSON = List.of("", " ", "null", "[]", "\"order\"", "42", "true", "{}",
            "{", "}", "[{}]", "<order><customerId>a</customerId></order>", "customerId=a&items=1", "{'a':'b'}",
            "{a:1}", "{\"a\" 1}", "{\"a\":1,}", "{,}", "{\"a\":1 \"b\":2}", "\u0000", "{\"a\":\"\\x41\"}",
            "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "{\"a\":undefined}", "{\"a\":new Date()}");
    private static final List<String> TRAILING = List.of("}", "]", ",", "x", "{}", "null", " 1", ",{\"a\":1}", "\u0000",
            "//", "/* */", "#", "\"", "{\"customerId\":\"b\"}");
    private static final List<String> WRONG_CLOSERS = List.of("]", ")", ">", "", "\u0000");
    private static final List<String> COMMENTS = List.of("/* comment */", "// comment\n", "# comment\n");
    /**
     * Not JSON. No application/json with an odd charset: RFC 8259 defines no charset parameter for it and tells a
     * recipient to ignore one, so such a request is valid.
     */
    private static final List<String> WRONG_MEDIA_TYPES = List.of("text/plain", "text/plain;charset=UTF-8",
            "application/xml", "text/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/octet-stream", "image/png", "text/html", "application/x-yaml", "application/cbor",
            "application/x-java-serialized-object", "json", "application/", "/", "*/*;q=x", "application/json, text/plain");
    /** Unknown member names, some shaped like what deserializers treat specially. */
    private static final List<String> SPECIAL_KEYS = List.of("__proto__", "constructor", "@class", "@type", "$type",
            "class", "", " ", "\u0000", "id", "status", "orderId", "admin", "ID", "unknown");

    private final Arbitrary<Json.Obj> validBodies;
    private final List<Field> fields;
    private final Set<String> objectPaths;
    private final String contentType;

    private HostileRequests(Arbitrary<Json.Obj> validBodies, List<Field> fields, String contentType) {
        this.validBodies = validBodies;
        this.fields = List.copyOf(fields);
        this.contentType = contentType;
        this.objectPaths = fields.stream().map(Field::parent).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * @param validBodies requests the endpoint accepts (a 2xx), in full: a mutation of a request that would be refused
     *        anyway proves nothing
     * @param fields every field of the body with the values invalid there; objects are the fields' parents
     */
    public static HostileRequests of(Arbitrary<Json.Obj> validBodies, List<Field> fields) {
        return new HostileRequests(validBodies, fields, "application/json");
    }

    /** Valid requests, sent as application/json. */
    public Arbitrary<HostileRequest> valid() {
        return validBodies.map(body -> new HostileRequest(List.of(), body.bytes(), contentType, List.of()));
    }

    /** Every kind of hostile request: broken fields, broken JSON, wrong media types. */
    public Arbitrary<HostileRequest> arbitrary() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, brokenFields()),
                Tuple.of(3, brokenJson()),
                Tuple.of(1, wrongMediaType()));
    }

    /** One to three fields broken (an invalid value, a required one missing, a key twice, an unknown key). */
    public Arbitrary<HostileRequest> brokenFields() {
        return Combinators.combine(validBodies, bodyMutation().list().ofMinSize(1).ofMaxSize(3)).as((body, mutations) -> {
            Json broken = body;
            List<String> done = new ArrayList<>();
            for (BodyMutation mutation : mutations) {
                broken = mutation.apply(broken);
                done.add(mutation.description());
            }
            return new HostileRequest(done, broken.bytes(), contentType, List.of());
        });
    }

    /** A valid request whose bytes are then no JSON, or JSON of another shape. */
    public Arbitrary<HostileRequest> brokenJson() {
        Arbitrary<HostileRequest> valid = valid();
        Arbitrary<HostileRequest> truncated = Combinators.combine(valid, Arbitraries.integers().between(0, 1 << 20))
                .as((request, cut) -> {
                    int at = cut % request.body().length;
                    return request.mutated("truncated: at byte " + at, Arrays.copyOf(request.body(), at));
                });
        Arbitrary<HostileRequest> wrongCloser = Combinators.combine(valid, Arbitraries.of(WRONG_CLOSERS)).as(
                (request, closer) -> request.mutated("wrong closing bracket: " + closer,
                        join(Arrays.copyOf(request.body(), request.body().length - 1), utf8(closer))));
        Arbitrary<HostileRequest> trailing = Combinators.combine(valid, Arbitraries.of(TRAILING)).as(
                (request, garbage) -> request.mutated("trailing garbage: " + garbage, join(request.body(), utf8(garbage))));
        Arbitrary<HostileRequest> comment = Combinators.combine(valid, Arbitraries.of(COMMENTS)).as(
                (request, text) -> request.mutated("comment",
                        join(utf8("{" + text), Arrays.copyOfRange(request.body(), 1, request.body().length))));
        Arbitrary<HostileRequest> notUtf8 = Combinators.combine(validBodies, Arbitraries.of(fields), Arbitraries.integers(),
                Arbitraries.of(NOT_UTF8), Generators.identifiers(1, 5)).as((body, field, element, bytes, prefix) -> {
                    Json broken = Field.change(body, field.path(), element,
                            old -> new Json.Raw(join(utf8("\"" + prefix), bytes, utf8("\""))));
                    return new HostileRequest(List.of("not UTF-8: " + field.path() + " " + hex(bytes)), broken.bytes(),
                            contentType, List.of());
                });
        Arbitrary<HostileRequest> notJson = Arbitraries.of(NOT_JSON).map(text -> new HostileRequest(
                List.of("not this JSON: " + text), utf8(text), contentType, List.of()));
        Arbitrary<HostileRequest> broken = Arbitraries.oneOf(truncated, wrongCloser, trailing, comment, notUtf8, notJson);
        // a byte order mark alone is allowed (RFC 8259 lets a parser ignore it): only in front of a broken text
        Arbitrary<HostileRequest> bom = broken.map(request -> request.mutated("byte order mark", join(BOM, request.body())));
        return Arbitraries.oneOf(broken, bom);
    }

    /** A valid body with a media type that is not JSON (or no media type at all). */
    public Arbitrary<HostileRequest> wrongMediaType() {
        Arbitrary<String> types = Arbitraries.oneOf(Arbitraries.of(WRONG_MEDIA_TYPES), Arbitraries.just(null));
        return Combinators.combine(valid(), types).as((request, type) -> request.withContentType("Content-Type: " + type,
                type));
    }

    private Arbitrary<BodyMutation> bodyMutation() {
        Arbitrary<BodyMutation> invalidValue = Arbitraries.of(fields).flatMap(field -> Combinators.combine(
                field.invalidValues(), Arbitraries.integers()).as((value, element) -> new BodyMutation(
                        "invalid value: " + field.path() + " = " + abbreviate(value),
                        body -> Field.change(body, field.path(), element, old -> value))));
        List<Field> required = fields.stream().filter(Field::required).toList();
        Arbitrary<BodyMutation> missing = Combinators.combine(Arbitraries.of(required), Arbitraries.integers()).as(
                (field, element) -> new BodyMutation("missing: " + field.path(),
                        body -> Field.change(body, field.path(), element, old -> null)));
        Arbitrary<BodyMutation> duplicateKey = Combinators.combine(Arbitraries.of(objectPaths), Arbitraries.integers(),
                Arbitraries.integers(), Arbitraries.integers()).as((path, element, which, where) -> new BodyMutation(
                        "duplicate key in " + (path.isEmpty() ? "body" : path),
                        body -> Field.change(body, path, element, object -> object instanceof Json.Obj members
                                && !members.members().isEmpty()
                                        ? members.plus(members.members().get(Math.floorMod(which,
                                                members.members().size())), where)
                                        : object)));
        Arbitrary<String> unknownKeys = Arbitraries.oneOf(Arbitraries.of(SPECIAL_KEYS), Generators.identifiers(1, 20));
        Arbitrary<BodyMutation> unknownField = Combinators.combine(Arbitraries.of(objectPaths), unknownKeys,
                Arbitraries.oneOf(Arbitraries.of("1", "\"x\"", "null", "true", "[]", "{}").map(Json::raw),
                        InvalidValues.deeplyNested()),
                Arbitraries.integers(), Arbitraries.integers()).as((path, key, value, element, where) -> new BodyMutation(
                        "unknown field: " + (path.isEmpty() ? "" : path + ".") + key,
                        body -> Field.change(body, path, element, object -> object instanceof Json.Obj members
                                && !members.has(key) && !knownKey(path, key)
                                        ? members.plus(new Json.Member(key, value), where)
                                        // the key is one of the request's own: an invalid value for it instead
                                        : object instanceof Json.Obj members ? members.with(key, Json.raw("[[[]]]"))
                                                : object)));
        return Arbitraries.frequencyOf(Tuple.of(6, invalidValue), Tuple.of(2, missing),
                Tuple.of(1, duplicateKey), Tuple.of(1, unknownField));
    }

    private boolean knownKey(String objectPath, String key) {
        String path = objectPath.isEmpty() ? key : objectPath + "." + key;
        return fields.stream().anyMatch(field -> field.path().equals(path) || field.path().startsWith(path + ".")
                || field.path().startsWith(path + "[]"));
    }

    /** One change to a body, with what it did. */
    record BodyMutation(String description, UnaryOperator<Json> change) {

        Json apply(Json body) {
            return change.apply(body);
        }
    }

    private static String abbreviate(Json value) {
        byte[] bytes = value.bytes();
        String text = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8);
        return bytes.length > 60 ? text + "...(" + bytes.length + " bytes)" : text;
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append("%02X".formatted(b & 0xff));
        }
        return hex.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] join(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
