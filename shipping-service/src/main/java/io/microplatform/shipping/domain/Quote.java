package io.microplatform.shipping.domain;

import java.math.BigDecimal;

/** What shipping an order to country costs (2 decimals). */
public record Quote(String country, BigDecimal cost) {
}
