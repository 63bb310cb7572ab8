package io.microplatform.support.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The JSON every service reads, HTTP bodies and Kafka messages alike (docs/errors.md, "JSON policy"), applied to Boot's
 * ObjectMapper after the {@code spring.jackson.*} keys, so that no service can relax it by a property:
 * <ul>
 * <li>an object with the same key twice is malformed;
 * <li>no coercion between JSON's types: a number is not read as a string nor a string as a number or boolean, a
 * fraction is not truncated to an integer, a number is not an enum, null is not 0 or false. An integer is a decimal
 * (5 for 5.00), as JSON means it;
 * <li>nothing after the value; nesting, strings, numbers and names within the limits below;
 * <li>a UUID only in its canonical form (36 characters): Jackson's own reader trims it (a NUL or a space after it
 * passed) and takes 24 characters as Base64;
 * <li>unknown fields are ignored here, for Kafka: a consumer must read the messages of a newer producer during a
 * rolling upgrade. HTTP request bodies reject them ({@link WebEdgeAutoConfiguration}).
 * </ul>
 */
public final class JsonPolicy implements Jackson2ObjectMapperBuilderCustomizer, Ordered {

    /** The deepest valid request nests 3 levels (order, items, item), the deepest message 4. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** 50 times the longest text field FieldLimits allows (200). */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Digits of one number: amounts and quantities have fewer than 20; parsing a longer one costs CPU for nothing. */
    public static final int MAX_NUMBER_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 200;

    @Override
    public void customize(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        builder.featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        builder.deserializerByType(UUID.class, new CanonicalUuid());
        builder.postConfigurer(JsonPolicy::limitAndForbidCoercionToText);
    }

    private static final class CanonicalUuid extends StdScalarDeserializer<UUID> {

        private static final Pattern CANONICAL = Pattern.compile(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        CanonicalUuid() {
            super(UUID.class);
        }

        @Override
        public UUID deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (UUID) context.handleUnexpectedToken(UUID.class, parser);
            }
            String text = parser.getText();
            if (!CANONICAL.matcher(text).matches()) {
                return (UUID) context.handleWeirdStringValue(UUID.class, text, "not a UUID in its canonical form");
            }
            return UUID.fromString(text);
        }
    }

    private static void limitAndForbidCoercionToText(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .build());
        // ALLOW_COERCION_OF_SCALARS covers numbers, booleans and dates as targets; text is a target of its own
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    /**
     * Which limit a body went beyond, in the policy's words: Jackson's message names its own methods and the value it
     * read.
     */
    public static String describe(StreamConstraintsException beyondLimit) {
        String message = String.valueOf(beyondLimit.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "The request body nests deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.startsWith("String value length")) {
            return "A string in the request body is longer than " + MAX_STRING_LENGTH + " characters";
        }
        if (message.startsWith("Number value length")) {
            return "A number in the request body has more than " + MAX_NUMBER_LENGTH + " digits";
        }
        if (message.startsWith("Name length")) {
            return "A key in the request body is longer than " + MAX_NAME_LENGTH + " characters";
        }
        return "The request body goes beyond a limit of the JSON policy";
    }

    /** After Boot's own customizer (order 0), which applies the spring.jackson.* keys. */
    @Override
    public int getOrder() {
        return 10;
    }
}
