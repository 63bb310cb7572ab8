package io.microplatform.inventory.domain;

import java.math.BigDecimal;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import io.microplatform.support.domain.Money;

/** A product the shop sells, with its price and the units on hand. */
@Entity
@Table(name = "items")
public class Item {

    @Id
    @NotBlank
    private String sku;

    @NotBlank
    private String name;

    @NotNull
    @PositiveOrZero
    @Digits(integer = 10, fraction = 2)
    private BigDecimal price;

    @PositiveOrZero
    private int stock;

    public Item(String sku, String name, BigDecimal price, int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative: " + stock);
        }
        this.sku = Objects.requireNonNull(sku);
        this.name = Objects.requireNonNull(name);
        this.price = Money.exact(price);
        this.stock = stock;
    }

    protected Item() {
        // for JPA
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public BigDecimal price() {
        return price;
    }

    /** Units neither reserved nor sold. */
    public int stock() {
        return stock;
    }

    public boolean hasInStock(int quantity) {
        return stock >= quantity;
    }

    /** Takes units out of stock for a reservation; the caller holds the row lock ({@link ItemRepository#lockBySkus}). */
    void take(int quantity) {
        requirePositive(quantity);
        if (quantity > stock) {
            throw new IllegalStateException("cannot take " + quantity + " of " + sku + ", only " + stock + " in stock");
        }
        stock -= quantity;
    }

    /** Gives a released reservation's units back; the caller holds the row lock. */
    void putBack(int quantity) {
        requirePositive(quantity);
        stock += quantity;
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
