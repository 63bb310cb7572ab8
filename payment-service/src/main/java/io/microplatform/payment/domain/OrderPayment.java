package io.microplatform.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.microplatform.payment.domain.ChargeOutcome.Charged;
import io.microplatform.payment.domain.ChargeOutcome.Declined;
import io.microplatform.support.domain.Money;

/**
 * What payment decided for one order, kept for as long as the order can be asked about again: the saga may
 * redeliver or re-send any command, and compensate a step whose command has not arrived yet.
 */
@Entity
@Table(name = "order_payments")
public class OrderPayment {

    static final String INSUFFICIENT_BALANCE = "insufficient balance";

    @Id
    private UUID orderId;

    /** Null for a tombstone: a refund that came before any charge names no customer. */
    private String customerId;

    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    private OrderPaymentStatus status;

    private String declineReason;

    // at most a charge and its refund, always needed with the order's payment (and open-in-view is off)
    @OneToMany(mappedBy = "orderPayment", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("createdAt")
    private List<Payment> payments = new ArrayList<>();

    private Instant createdAt;

    private Instant updatedAt;

    // a wrapper type, so Spring Data sees a new row by its null version despite the assigned id
    @Version
    private Long version;

    protected OrderPayment() {
        // for JPA
    }

    private OrderPayment(UUID orderId, String customerId, BigDecimal amount, OrderPaymentStatus status,
            String declineReason) {
        this.orderId = Objects.requireNonNull(orderId);
        this.customerId = customerId;
        this.amount = amount;
        this.status = status;
        this.declineReason = declineReason;
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /**
     * Charges the amount if the account covers it, else records a decline with nothing debited. lockedAccount is
     * the customer's account with its row locked by the caller, empty for an unknown customer.
     */
    public static OrderPayment charge(UUID orderId, String customerId, BigDecimal amount, Optional<Account> lockedAccount) {
        Objects.requireNonNull(customerId, "customerId");
        BigDecimal money = Money.nonNegative("a charge", amount);
        if (lockedAccount.isEmpty()) {
            return new OrderPayment(orderId, customerId, money, OrderPaymentStatus.DECLINED, "unknown customer");
        }
        Account account = lockedAccount.get();
        if (!account.customerId().equals(customerId)) {
            throw new IllegalArgumentException("account of " + account.customerId() + " given for " + customerId);
        }
        if (!account.covers(money)) {
            return new OrderPayment(orderId, customerId, money, OrderPaymentStatus.DECLINED, INSUFFICIENT_BALANCE);
        }
        account.debit(money);
        OrderPayment charged = new OrderPayment(orderId, customerId, money, OrderPaymentStatus.CHARGED, null);
        charged.payments.add(new Payment(charged, PaymentType.CHARGE, money, charged.createdAt));
        return charged;
    }

    /**
     * Records a decline made before the account was looked at (the payment provider refused to authorize): nothing
     * is debited, and a redelivered ChargePayment gets the same answer without asking the provider again.
     */
    public static OrderPayment declined(UUID orderId, String customerId, BigDecimal amount, String reason) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
        return new OrderPayment(orderId, customerId, Money.exact(amount),
                OrderPaymentStatus.DECLINED, reason);
    }

    /** RefundPayment came first (the saga compensates a step whose command is late or lost): refuses a later charge. */
    public static OrderPayment cancelledBeforeCharged(UUID orderId) {
        return new OrderPayment(orderId, null, null, OrderPaymentStatus.CANCELLED, null);
    }

    /**
     * The answer to a ChargePayment for this order, whenever it arrives: a redelivery or a re-send gets the answer
     * the first one got, and nothing changes.
     */
    public ChargeOutcome outcome() {
        return switch (status) {
            // refunded since: still the answer "charged", the compensation came later
            case CHARGED, REFUNDED -> new Charged();
            case DECLINED -> new Declined(declineReason);
            case CANCELLED -> new Declined("the order's payment was cancelled before it was charged");
        };
    }

    public boolean isCharged() {
        return status == OrderPaymentStatus.CHARGED;
    }

    /** Whether a ChargePayment decided this record, so that another one for the order repeats it. */
    public boolean answeredChargePayment() {
        return status != OrderPaymentStatus.CANCELLED;
    }

    /** Whether a RefundPayment came before, so that another one for the order repeats it. */
    public boolean answeredRefundPayment() {
        return status == OrderPaymentStatus.REFUNDED || status == OrderPaymentStatus.CANCELLED;
    }

    /** Credits the charged amount back, once. lockedAccount is this payment's customer's account, locked by the caller. */
    public void refund(Account lockedAccount) {
        if (!isCharged()) {
            return;
        }
        if (!lockedAccount.customerId().equals(customerId)) {
            throw new IllegalArgumentException("account of " + lockedAccount.customerId() + " given for " + customerId);
        }
        lockedAccount.credit(amount);
        updatedAt = now();
        status = status.moveTo(OrderPaymentStatus.REFUNDED);
        payments.add(new Payment(this, PaymentType.REFUND, amount, updatedAt));
    }

    public UUID orderId() {
        return orderId;
    }

    public String customerId() {
        return customerId;
    }

    public OrderPaymentStatus status() {
        return status;
    }

    /** The charge and the refund, oldest first; none when declined or cancelled. */
    public List<Payment> payments() {
        return List.copyOf(payments);
    }

    // PostgreSQL keeps microseconds: an instant read back equals the one written
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
