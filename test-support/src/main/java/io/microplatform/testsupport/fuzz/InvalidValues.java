package io.microplatform.testsupport.fuzz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Values that no valid request carries in a field of a given kind: each one wrong by the field's own rule (a length,
 * a character set, a range) or by the platform's JSON policy (no coercion between strings, numbers and booleans, a
 * value of the field's type or nothing). Never a value that a valid request might send, so that a request carrying
 * one must be refused.
 */
public final class InvalidValues {

    /** Characters outside [A-Za-z0-9._-]: controls, RTL override, zero-width and non-ASCII letters, URL and shell syntax. */
    private static final List<String> NOT_IN_IDENTIFIERS = List.of("\u0000", "\u0007", "\n", "\r", "\t", "\u001b",
            "\u007f", "\u0085", "\u202e", "\u200b", "\ufeff", "\u00a0", "é", "ß", "小", "💥", " ", "/", "\\", "%", "%2F",
            "\"", "'", "<", ">", ";", "{", "}", "$", "${x}", "#", "?", "&", "=", "+", "*", "~", "`", "|", ":", "@", ",");
    /** Unicode's control characters (category Cc), the only characters free text may not hold. */
    private static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\u000b",
            "\f", "\r", "\u001b", "\u001f", "\u007f", "\u0080", "\u0085", "\u009b", "\u009f");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private InvalidValues() {
    }

    /** Not an identifier of at most {@code max} characters ([A-Za-z0-9][A-Za-z0-9._-]*), or no string at all. */
    public static Arbitrary<Json> identifier(int max) {
        Arbitrary<String> valid = Generators.identifiers(1, Math.min(max - 1, 30));
        Arbitrary<String> foreignCharacter = Combinators.combine(valid, Arbitraries.of(NOT_IN_IDENTIFIERS), valid,
                Arbitraries.integers().between(0, 2)).as((before, bad, after, where) -> switch (where) {
                    case 0 -> bad + after;
                    case 1 -> before + bad;
                    default -> before + bad + after;
                });
        Arbitrary<String> badStart = Combinators.combine(Arbitraries.of(".", "-", "_"), valid).as(String::concat);
        return Arbitraries.oneOf(strings(Arbitraries.oneOf(foreignCharacter, badStart, blank(), tooLong(max))),
                notAString());
    }

    /** Free text over {@code max} characters, blank, or with a control character; or no string at all. */
    public static Arbitrary<Json> text(int max) {
        Arbitrary<String> valid = Generators.text(0, Math.min(max - 1, 30));
        Arbitrary<String> control = Combinators.combine(valid, Arbitraries.of(CONTROLS), valid).as(
                (before, bad, after) -> before + bad + after);
        return Arbitraries.oneOf(strings(Arbitraries.oneOf(control, blank(), tooLong(max))), notAString());
    }

    /** Not an ISO 3166-1 alpha-2 code in capitals. */
    public static Arbitrary<Json> country() {
        Arbitrary<String> notACode = Arbitraries.strings().withChars("ADEGSUabdez0189 -ÄÖ\u0000\u202e.").ofMaxLength(5)
                .filter(code -> !COUNTRY.matcher(code).matches());
        return Arbitraries.oneOf(strings(Arbitraries.oneOf(notACode, tooLong(2))), notAString());
    }

    /** Not a UUID as Jackson reads one (36 characters of hex and dashes, or 24 of Base64): none of those lengths. */
    public static Arbitrary<Json> uuid() {
        Arbitrary<String> wellFormed = Arbitraries.create(UUID::randomUUID).map(UUID::toString);
        Arbitrary<String> almost = Combinators.combine(wellFormed, Arbitraries.of(NOT_IN_IDENTIFIERS),
                Arbitraries.integers().between(0, 3)).as((uuid, bad, how) -> switch (how) {
                    case 0 -> uuid + bad;
                    case 1 -> bad + uuid;
                    case 2 -> uuid.substring(0, 35);
                    default -> "{" + uuid + "}";
                });
        Arbitrary<String> other = Arbitraries.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g",
                "00000000000000000000000000000000", "urn:uuid:00000000-0000-0000-0000-000000000000", "null", "0");
        Arbitrary<String> shortJunk = Generators.identifiers(1, 20);
        return Arbitraries.oneOf(strings(Arbitraries.oneOf(almost, other, shortJunk, blank())), notAString());
    }

    /** An integer outside [min, max], a number that is no integer, a malformed number, or no number at all. */
    public static Arbitrary<Json> integerOutside(long min, long max) {
        Arbitrary<Json> below = Arbitraries.longs().between(Integer.MIN_VALUE, min - 1).map(Json::number);
        Arbitrary<Json> above = Arbitraries.longs().between(max + 1, Integer.MAX_VALUE).map(Json::number);
        Arbitrary<Json> edges = Arbitraries.of(min - 1, max + 1, 0L, -1L, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L)
                .filter(value -> value < min || value > max).map(Json::number);
        Arbitrary<Json> beyondLong = Arbitraries.of("9223372036854775808", "-9223372036854775809",
                "99999999999999999999999999999999999999", "1e400", "-1e400", "1.5", "0.5", "-0.5",
                String.valueOf(max) + ".5", "1E-400").map(Json::raw);
        return Arbitraries.oneOf(below, above, edges, beyondLong, malformedNumbers(), notANumber());
    }

    /** A negative amount, a malformed number, or no number at all. */
    public static Arbitrary<Json> negativeOrNoDecimal() {
        Arbitrary<Json> negative = Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("-0.01"))
                .ofScale(2).map(amount -> Json.raw(amount.toPlainString()));
        Arbitrary<Json> edges = Arbitraries.of("-1", "-0.01", "-1e400", "-99999999999999999999999999.99").map(Json::raw);
        return Arbitraries.oneOf(negative, edges, malformedNumbers(), notANumber());
    }

    /** Anything but a boolean: booleans written as strings or numbers, arrays, objects. */
    public static Arbitrary<Json> notABoolean() {
        return Arbitraries.of("\"true\"", "\"false\"", "\"yes\"", "\"\"", "1", "0", "[]", "[true]", "{}")
                .map(Json::raw);
    }

    /** An empty string or whitespace only. */
    public static Arbitrary<Json> blankString() {
        return strings(blank());
    }

    /** Anything but a string: numbers, booleans, arrays, objects, deep nesting (null is left to required fields). */
    public static Arbitrary<Json> notAString() {
        return Arbitraries.oneOf(Arbitraries.of("0", "1", "-1", "42", "1.5", "1e400", "true", "false", "[]", "{}",
                "[\"a\"]", "{\"value\":\"a\"}", "[null]").map(Json::raw), deeplyNested());
    }

    /** Anything but a number: numbers written as strings, booleans, arrays, objects, deep nesting. */
    public static Arbitrary<Json> notANumber() {
        return Arbitraries.oneOf(Arbitraries.of("\"1\"", "\"5\"", "\"0\"", "\"-1\"", "\"1.00\"", "\"NaN\"",
                "\"Infinity\"", "\"1e400\"", "\"\"", "\" \"", "\"one\"", "true", "false", "[]", "[1]", "{}",
                "{\"value\":1}").map(Json::raw), deeplyNested());
    }

    /** Anything but an array of objects with the given shape: empty, scalars, objects, arrays of scalars or nulls. */
    public static Arbitrary<Json> notANonEmptyArray() {
        return Arbitraries.oneOf(Arbitraries.of("[]", "{}", "\"items\"", "1", "true", "[1]", "[\"a\"]", "[null]",
                "[[]]", "[true,false]", "{\"0\":{}}").map(Json::raw), deeplyNested());
    }

    /** Anything but an object. */
    public static Arbitrary<Json> notAnObject() {
        return Arbitraries.oneOf(Arbitraries.of("[]", "[{}]", "\"address\"", "1", "true", "false", "0.0").map(Json::raw),
                deeplyNested());
    }

    /** Arrays or objects nested up to far beyond Jackson's depth limit (1000). */
    public static Arbitrary<Json> deeplyNested() {
        return Combinators.combine(Arbitraries.integers().between(2, 20_000), Arbitraries.of(true, false)).as(
                (depth, arrays) -> Json.raw(arrays ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
    }

    /** Number syntax that JSON does not allow. */
    static Arbitrary<Json> malformedNumbers() {
        return Arbitraries.of("NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", "00", ".5", "1.", "0x10", "1e", "--1",
                "1_000", "1,5", "١").map(Json::raw);
    }

    private static Arbitrary<String> blank() {
        return Arbitraries.of("", " ", "   ");
    }

    /** Just over the limit, and far over it in letters beyond ASCII (at most 200,000, well below any body limit). */
    private static Arbitrary<String> tooLong(int max) {
        Arbitrary<String> justOver = Arbitraries.integers().between(max + 1, max + 50)
                .map(length -> "x".repeat(length));
        Arbitrary<String> farOver = Combinators.combine(Arbitraries.integers().between(max + 1, 200_000),
                Arbitraries.of("a", "Σ", "小", "💥", "\u202e")).as((length, unit) -> unit.repeat(length));
        return Arbitraries.oneOf(justOver, farOver);
    }

    private static Arbitrary<Json> strings(Arbitrary<String> values) {
        return values.map(Json::string);
    }

    static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }
}
