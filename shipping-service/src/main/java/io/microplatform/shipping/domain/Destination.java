package io.microplatform.shipping.domain;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import io.microplatform.support.domain.Money;

/** A country the shop ships to, at a flat rate per order. */
@Entity
@Table(name = "destinations")
public class Destination {

    @Id
    @Pattern(regexp = "[A-Z]{2}")
    private String countryCode;

    @NotBlank
    private String name;

    @NotNull
    @PositiveOrZero
    @Digits(integer = 10, fraction = 2)
    private BigDecimal rate;

    public Destination(String countryCode, String name, BigDecimal rate) {
        this.countryCode = Objects.requireNonNull(countryCode);
        this.name = Objects.requireNonNull(name);
        this.rate = Money.exact(rate);
    }

    protected Destination() {
        // for JPA
    }

    /** ISO 3166-1 alpha-2, for example {@code DE}. */
    public String countryCode() {
        return countryCode;
    }

    public String name() {
        return name;
    }

    /** What shipping one order there costs, whatever its items. */
    public BigDecimal rate() {
        return rate;
    }
}
