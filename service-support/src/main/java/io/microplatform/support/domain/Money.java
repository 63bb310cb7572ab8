package io.microplatform.support.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of money as every service keeps them: exactly two decimals, so that a price, a charge and a balance compare,
 * add up and serialise alike (49.90, never 49.9). Plain Java, so a domain package can use it.
 */
public final class Money {

    private Money() {
    }

    /**
     * The amount with exactly two decimals.
     *
     * @throws ArithmeticException for a third decimal: a bug upstream, not something to round away
     */
    public static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * {@link #exact} for an amount that is never below zero (a price, a balance, a charge).
     *
     * @param what names the amount in the exception, for example {@code "unit price"}
     * @throws IllegalArgumentException for a negative amount
     */
    public static BigDecimal nonNegative(String what, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + amount);
        }
        return exact(amount);
    }
}
