package io.microplatform.saga.messaging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.ShippingAddress;

/**
 * Whether an OrderPlaced can become a saga: every field within the contracts' {@link FieldLimits} (so every
 * participant can store what the saga sends it) and within what the saga's own columns hold. order-service validates
 * the same limits; this check is for the order that got past it anyway (an older order-service, a hand-written
 * message), which would otherwise fail on every delivery, go to the dead-letter topic and leave its order PENDING.
 * The problems name fields and limits, never values: they go to the log.
 */
final class OrderPlacedCheck {

    // numeric(12,2): ten digits before the point
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("10000000000");

    private OrderPlacedCheck() {
    }

    /** Every reason the order cannot become a saga; empty when it can. */
    static List<String> problemsOf(OrderPlaced placed) {
        List<String> problems = new ArrayList<>();
        if (!FieldLimits.isIdentifier(placed.customerId(), FieldLimits.CUSTOMER_ID_MAX)) {
            problems.add("customerId is not an identifier of at most " + FieldLimits.CUSTOMER_ID_MAX + " characters");
        }
        checkLines(placed.lines(), problems);
        if (!isAmount(placed.total())) {
            problems.add("total is not an amount of at least 0 with at most 2 decimals");
        }
        checkAddress(placed.shippingAddress(), problems);
        return problems;
    }

    private static void checkLines(List<OrderLine> lines, List<String> problems) {
        if (lines == null || lines.isEmpty() || lines.size() > FieldLimits.LINES_MAX) {
            problems.add("lines must be 1 to " + FieldLimits.LINES_MAX);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line == null) {
                problems.add("lines[" + i + "] is missing");
                continue;
            }
            if (!FieldLimits.isIdentifier(line.sku(), FieldLimits.SKU_MAX)) {
                problems.add("lines[" + i + "].sku is not an identifier of at most " + FieldLimits.SKU_MAX
                        + " characters");
            }
            if (line.quantity() < 1 || line.quantity() > FieldLimits.QUANTITY_MAX) {
                problems.add("lines[" + i + "].quantity is not 1 to " + FieldLimits.QUANTITY_MAX);
            }
            if (!isAmount(line.unitPrice())) {
                problems.add("lines[" + i + "].unitPrice is not an amount of at least 0 with at most 2 decimals");
            }
        }
    }

    private static void checkAddress(ShippingAddress address, List<String> problems) {
        if (address == null) {
            problems.add("shippingAddress is missing");
            return;
        }
        checkText("shippingAddress.name", address.name(), FieldLimits.NAME_MAX, problems);
        checkText("shippingAddress.street", address.street(), FieldLimits.STREET_MAX, problems);
        checkText("shippingAddress.city", address.city(), FieldLimits.CITY_MAX, problems);
        checkText("shippingAddress.postalCode", address.postalCode(), FieldLimits.POSTAL_CODE_MAX, problems);
        if (!FieldLimits.isCountry(address.country())) {
            problems.add("shippingAddress.country is not an ISO 3166-1 alpha-2 code");
        }
    }

    private static void checkText(String field, String value, int max, List<String> problems) {
        if (!FieldLimits.isText(value, max)) {
            problems.add(field + " is not a text of 1 to " + max + " characters without control characters");
        }
    }

    private static boolean isAmount(BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2
                && amount.compareTo(AMOUNT_LIMIT) < 0;
    }
}
