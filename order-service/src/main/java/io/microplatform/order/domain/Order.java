package io.microplatform.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import io.microplatform.support.domain.Money;

/** The order aggregate: who ordered what, what it costs, where it goes, and how the order saga ended. */
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private UUID id;

    @NotBlank
    private String customerId;

    @NotNull
    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Enumerated(EnumType.STRING)
    private CancellationReason reason;

    @NotNull
    private BigDecimal total;

    @NotNull
    private BigDecimal shippingCost;

    // the lines are part of the aggregate: loaded with it, as open-in-view is off and an order needs them;
    // sorted by sku, in the table as in the request (OrderRequest sorts them), so every view lists them alike
    @NotEmpty
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("sku")
    private List<OrderItem> items;

    @NotNull
    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "shipping_name"))
    @AttributeOverride(name = "street", column = @Column(name = "shipping_street"))
    @AttributeOverride(name = "city", column = @Column(name = "shipping_city"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "shipping_postal_code"))
    @AttributeOverride(name = "country", column = @Column(name = "shipping_country"))
    private ShippingAddress shippingAddress;

    // which parts came from a fallback because their owner was down (V3); stored, so GET says it as POST did
    @NotNull
    @Convert(converter = DegradationsConverter.class)
    private List<Degradation> degraded;

    @NotNull
    private Instant createdAt;

    @NotNull
    private Instant updatedAt;

    // a wrapper type, so Spring Data sees a new order by its null version despite the assigned id
    @Version
    private Long version;

    protected Order() {
        // for JPA
    }

    /** A new PENDING order; its total is the lines plus shipping. Nothing degraded. */
    public static Order place(UUID id, String customerId, List<OrderItem> items, BigDecimal shippingCost,
            ShippingAddress shippingAddress, Instant now) {
        return place(id, customerId, items, shippingCost, shippingAddress, List.of(), now);
    }

    /** A new PENDING order; its total is the lines plus shipping; {@code degraded} names the parts from a fallback. */
    public static Order place(UUID id, String customerId, List<OrderItem> items, BigDecimal shippingCost,
            ShippingAddress shippingAddress, Collection<Degradation> degraded, Instant now) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        if (new HashSet<>(items.stream().map(OrderItem::sku).toList()).size() != items.size()) {
            throw new IllegalArgumentException("one line per sku: " + items);
        }
        BigDecimal shipping = Money.nonNegative("shipping cost", shippingCost);
        Order order = new Order();
        order.id = Objects.requireNonNull(id);
        order.customerId = Objects.requireNonNull(customerId);
        order.status = OrderStatus.PENDING;
        order.items = new ArrayList<>(items);
        order.items.sort(Comparator.comparing(OrderItem::sku));
        order.shippingCost = shipping;
        order.total = items.stream().map(OrderItem::lineTotal).reduce(order.shippingCost, BigDecimal::add);
        order.shippingAddress = Objects.requireNonNull(shippingAddress);
        order.degraded = degraded.stream().distinct().sorted().toList();
        order.createdAt = now;
        order.updatedAt = now;
        return order;
    }

    /**
     * The saga completed every step. A redelivered or re-sent command changes nothing (ALREADY_APPLIED); a cancelled
     * order stays cancelled (REFUSED).
     */
    public StatusUpdate confirm(Instant now) {
        return moveTo(OrderStatus.CONFIRMED, null, now);
    }

    /**
     * The saga undid its steps. A redelivered or re-sent command changes nothing, the first reason stays
     * (ALREADY_APPLIED); a confirmed order stays confirmed (REFUSED), as the saga only cancels orders it has not
     * confirmed.
     */
    public StatusUpdate cancel(CancellationReason why, Instant now) {
        return moveTo(OrderStatus.CANCELLED, Objects.requireNonNull(why), now);
    }

    private StatusUpdate moveTo(OrderStatus next, CancellationReason why, Instant now) {
        if (status == next) {
            return StatusUpdate.ALREADY_APPLIED;
        }
        if (!status.canMoveTo(next)) {
            // the saga ended the order the other way: an answer, not a bug, so no exception that would also roll
            // back the listener's reply
            return StatusUpdate.REFUSED;
        }
        status = status.moveTo(next);
        reason = why;
        updatedAt = now;
        return StatusUpdate.APPLIED;
    }

    public UUID id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    /** Why the order was cancelled; null unless it was. */
    public CancellationReason reason() {
        return reason;
    }

    public BigDecimal total() {
        return total;
    }

    public BigDecimal shippingCost() {
        return shippingCost;
    }

    /** Sorted by sku. */
    public List<OrderItem> items() {
        return List.copyOf(items);
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    /** The parts that came from a fallback, in declaration order; empty when none did. */
    public List<Degradation> degraded() {
        return List.copyOf(degraded);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Null until the order is first stored. */
    public Long version() {
        return version;
    }
}
