package io.microplatform.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Money that moved for an order: its charge, or the refund of that charge. Never changes once written. */
@Entity
@Table(name = "payments")
public class Payment {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private OrderPayment orderPayment;

    @Enumerated(EnumType.STRING)
    private PaymentType type;

    private BigDecimal amount;

    private Instant createdAt;

    protected Payment() {
        // for JPA
    }

    Payment(OrderPayment orderPayment, PaymentType type, BigDecimal amount, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.orderPayment = Objects.requireNonNull(orderPayment);
        this.type = Objects.requireNonNull(type);
        this.amount = Objects.requireNonNull(amount);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderPayment.orderId();
    }

    public String customerId() {
        return orderPayment.customerId();
    }

    public PaymentType type() {
        return type;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
