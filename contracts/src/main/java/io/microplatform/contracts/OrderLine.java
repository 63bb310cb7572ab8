package io.microplatform.contracts;

import java.math.BigDecimal;

/** One line of an order as it travels in messages; unitPrice has 2 decimals. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {
}
