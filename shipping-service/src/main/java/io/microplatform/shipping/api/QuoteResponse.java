package io.microplatform.shipping.api;

import java.math.BigDecimal;

import io.microplatform.shipping.domain.Quote;

/** cost is a JSON number with 2 decimals (4.99). */
record QuoteResponse(String country, BigDecimal cost) {

    static QuoteResponse of(Quote quote) {
        return new QuoteResponse(quote.country(), quote.cost());
    }
}
