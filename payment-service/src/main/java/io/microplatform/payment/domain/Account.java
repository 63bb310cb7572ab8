package io.microplatform.payment.domain;

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

/** A customer's money with the shop. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @NotBlank
    private String customerId;

    @NotNull
    @PositiveOrZero
    @Digits(integer = 10, fraction = 2)
    private BigDecimal balance;

    public Account(String customerId, BigDecimal balance) {
        this.balance = Money.nonNegative("balance", balance);
        this.customerId = Objects.requireNonNull(customerId);
    }

    protected Account() {
        // for JPA
    }

    public String customerId() {
        return customerId;
    }

    public BigDecimal balance() {
        return balance;
    }

    public boolean covers(BigDecimal amount) {
        return balance.compareTo(amount) >= 0;
    }

    /** The caller holds the row lock ({@link AccountRepository#lockOfCustomer}) and checked {@link #covers}. */
    void debit(BigDecimal amount) {
        if (!covers(amount)) {
            throw new IllegalStateException("debiting " + amount + " would overdraw the account of " + customerId);
        }
        balance = balance.subtract(amount);
    }

    /** The caller holds the row lock. */
    void credit(BigDecimal amount) {
        balance = balance.add(amount);
    }
}
