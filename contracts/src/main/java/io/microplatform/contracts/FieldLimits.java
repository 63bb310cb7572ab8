package io.microplatform.contracts;

import java.util.regex.Pattern;

/**
 * The limits of every field an order carries from the API through the saga to the participants: one contract, so
 * whatever order-service accepts every later service can store (each service's columns are at least this wide, and
 * FieldLimitsIT-style tests in each service store values at these limits). order-service validates requests against
 * it; the orchestrator checks an OrderPlaced against it before it starts a saga.
 */
public final class FieldLimits {

    /** Customer ids and skus: letters, digits, '.', '_' and '-', starting with a letter or digit (safe in a URL path). */
    public static final String IDENTIFIER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** Free text (names, streets, cities, postal codes): anything printable, no control characters. */
    public static final String TEXT_PATTERN = "[^\\p{Cc}]*";
    /** ISO 3166-1 alpha-2, upper case. */
    public static final String COUNTRY_PATTERN = "[A-Z]{2}";

    public static final int CUSTOMER_ID_MAX = 64;
    public static final int SKU_MAX = 64;
    public static final int NAME_MAX = 200;
    public static final int STREET_MAX = 200;
    public static final int CITY_MAX = 100;
    public static final int POSTAL_CODE_MAX = 20;
    public static final int COUNTRY_LENGTH = 2;
    /** Distinct skus in one order: keeps every message of the saga far below Kafka's record size limit. */
    public static final int LINES_MAX = 50;
    /** Units of one sku in one order. */
    public static final int QUANTITY_MAX = 1000;

    private static final Pattern IDENTIFIER = Pattern.compile(IDENTIFIER_PATTERN);
    private static final Pattern TEXT = Pattern.compile(TEXT_PATTERN);
    private static final Pattern COUNTRY = Pattern.compile(COUNTRY_PATTERN);

    private FieldLimits() {
    }

    public static boolean isIdentifier(String value, int max) {
        return value != null && value.length() <= max && IDENTIFIER.matcher(value).matches();
    }

    /** Not blank, at most {@code max} characters, no control characters. */
    public static boolean isText(String value, int max) {
        return value != null && !value.isBlank() && value.length() <= max && TEXT.matcher(value).matches();
    }

    public static boolean isCountry(String value) {
        return value != null && COUNTRY.matcher(value).matches();
    }
}
