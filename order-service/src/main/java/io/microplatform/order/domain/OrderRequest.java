package io.microplatform.order.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a customer asks for, before prices are known. The same sku twice is one line with the summed quantity (the
 * order keeps one line per sku), and lines are kept sorted by sku, so two requests for the same goods are equal
 * whatever order their lines came in. The limits of each field (lengths, characters, most units of a sku) are the
 * platform's field contract, checked where a request comes in (the API), not here.
 */
public record OrderRequest(String customerId, List<Line> lines, ShippingAddress shippingAddress) {

    public OrderRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        lines = merged(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
    }

    public record Line(String sku, int quantity) {

        public Line {
            Objects.requireNonNull(sku, "sku");
            if (quantity < 1) {
                throw new IllegalArgumentException("quantity of " + sku + " must be positive: " + quantity);
            }
        }
    }

    public List<String> skus() {
        return lines.stream().map(Line::sku).toList();
    }

    /**
     * SHA-256 (hex) of a canonical form of the request: every value length-prefixed, so no two different requests
     * share a form, and lines merged and sorted as above. An idempotency key is bound to it.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder("order-request/v1");
        append(canonical, customerId);
        append(canonical, Integer.toString(lines.size()));
        for (Line line : lines) {
            append(canonical, line.sku());
            append(canonical, Integer.toString(line.quantity()));
        }
        append(canonical, shippingAddress.name());
        append(canonical, shippingAddress.street());
        append(canonical, shippingAddress.city());
        append(canonical, shippingAddress.postalCode());
        append(canonical, shippingAddress.country());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void append(StringBuilder canonical, String value) {
        canonical.append('|').append(value.length()).append(':').append(value);
    }

    private static List<Line> merged(List<Line> lines) {
        Map<String, Integer> quantities = new TreeMap<>();
        for (Line line : lines) {
            quantities.merge(line.sku(), line.quantity(), Integer::sum);
        }
        List<Line> merged = new ArrayList<>();
        quantities.forEach((sku, quantity) -> merged.add(new Line(sku, quantity)));
        return List.copyOf(merged);
    }
}
