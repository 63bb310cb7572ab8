package io.microplatform.contracts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what breaks the contract in one message, for {@link Message#violations()}. Each problem names a field and
 * its limit, never the value: problems end up in logs and dead-letter headers, values may be personal data.
 */
final class Violations {

    private final List<String> problems = new ArrayList<>();

    private Violations() {
    }

    /** Every message carries its own id and its order's (the record key). */
    static Violations ofIds(Message message) {
        return new Violations()
                .require(message.messageId() != null, "messageId is missing")
                .require(message.orderId() != null, "orderId is missing");
    }

    Violations require(boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
        }
        return this;
    }

    Violations identifier(String field, String value, int max) {
        return require(FieldLimits.isIdentifier(value, max),
                field + " is not an identifier of at most " + max + " characters");
    }

    Violations text(String field, String value, int max) {
        return require(FieldLimits.isText(value, max),
                field + " is not a text of 1 to " + max + " characters without control characters");
    }

    /** Money: at least 0, at most 2 decimals. */
    Violations amount(String field, BigDecimal value) {
        return require(value != null && value.signum() >= 0 && value.stripTrailingZeros().scale() <= 2,
                field + " is not an amount of at least 0 with at most 2 decimals");
    }

    Violations lines(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty() || lines.size() > FieldLimits.LINES_MAX) {
            return require(false, "lines must be 1 to " + FieldLimits.LINES_MAX);
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null) {
                require(false, field + " is missing");
                continue;
            }
            identifier(field + ".sku", line.sku(), FieldLimits.SKU_MAX);
            require(line.quantity() >= 1 && line.quantity() <= FieldLimits.QUANTITY_MAX,
                    field + ".quantity is not 1 to " + FieldLimits.QUANTITY_MAX);
            amount(field + ".unitPrice", line.unitPrice());
        }
        return this;
    }

    Violations address(ShippingAddress address) {
        if (address == null) {
            return require(false, "address is missing");
        }
        return text("address.name", address.name(), FieldLimits.NAME_MAX)
                .text("address.street", address.street(), FieldLimits.STREET_MAX)
                .text("address.city", address.city(), FieldLimits.CITY_MAX)
                .text("address.postalCode", address.postalCode(), FieldLimits.POSTAL_CODE_MAX)
                .require(FieldLimits.isCountry(address.country()), "address.country is not an ISO 3166-1 alpha-2 code");
    }

    List<String> list() {
        return List.copyOf(problems);
    }
}
