package io.microplatform.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.microplatform.messaging.CausalHistory;
import io.microplatform.messaging.Duplicates;
import io.microplatform.order.domain.CancellationReason;
import io.microplatform.order.domain.Catalogue;
import io.microplatform.order.domain.Degradation;
import io.microplatform.order.domain.IdempotencyKey;
import io.microplatform.order.domain.IdempotencyKeyReusedException;
import io.microplatform.order.domain.IdempotencyKeys;
import io.microplatform.order.domain.Order;
import io.microplatform.order.domain.OrderEvents;
import io.microplatform.order.domain.OrderItem;
import io.microplatform.order.domain.OrderNotFoundException;
import io.microplatform.order.domain.OrderRepository;
import io.microplatform.order.domain.OrderRequest;
import io.microplatform.order.domain.PendingOrders;
import io.microplatform.order.domain.ShippingRates;
import io.microplatform.order.domain.UnknownSkuException;
import io.microplatform.order.domain.UnsupportedCountryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order use cases and their transaction boundaries. Each effect on an order (placed, confirmed, cancelled) is
 * recorded in the order's causal history (CausalHistory) in the transaction that applies it; a command answered from
 * the order as it stands records nothing.
 */
@Service
public class OrderManagement {

    private static final Logger log = LoggerFactory.getLogger(OrderManagement.class);

    private final OrderRepository orders;
    private final IdempotencyKeys idempotencyKeys;
    private final Catalogue catalogue;
    private final ShippingRates shippingRates;
    private final OrderEvents events;
    private final PendingOrders pendingOrders;
    private final CausalHistory history;
    private final Duplicates duplicates;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnlyTransaction;
    private final Clock clock;

    OrderManagement(OrderRepository orders, IdempotencyKeys idempotencyKeys, Catalogue catalogue,
            ShippingRates shippingRates, OrderEvents events, PendingOrders pendingOrders, CausalHistory history,
            Duplicates duplicates, PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.idempotencyKeys = idempotencyKeys;
        this.catalogue = catalogue;
        this.shippingRates = shippingRates;
        this.events = events;
        this.pendingOrders = pendingOrders;
        this.history = history;
        this.duplicates = duplicates;
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnlyTransaction = new TransactionTemplate(transactionManager);
        this.readOnlyTransaction.setReadOnly(true);
        this.clock = clock;
    }

    /**
     * Prices the request, stores a PENDING order and announces it (which starts the order saga), all or nothing.
     * With an idempotency key, a request that repeats an earlier one gets the earlier order back and starts nothing.
     * <p>
     * Not one transaction: prices and the shipping quote come from other services, and no database connection is
     * held while waiting for them. The write happens in one transaction at the end, so a rejected or failed request
     * stores nothing.
     *
     * @throws UnknownSkuException when inventory-service does not know a sku
     * @throws UnsupportedCountryException when shipping-service does not ship to the address's country
     * @throws IdempotencyKeyReusedException when the key came earlier with a different request
     * @throws io.microplatform.order.client.RemoteServiceUnavailableException when inventory-service is down and a
     *         price is not in its cache (a down shipping-service costs the flat rate instead, see docs/resilience.md)
     */
    public Order place(OrderRequest request, @Nullable String idempotencyKey) {
        Optional<IdempotencyKey> key = Optional.ofNullable(idempotencyKey)
                .map(value -> new IdempotencyKey(value, request.fingerprint(), UUID.randomUUID()));
        // the common repeat (a client retrying after a lost response) is answered without calling anyone
        Optional<Order> earlier = key.flatMap(k -> readOnlyTransaction.execute(status -> earlierOrder(k)));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Set<Degradation> degraded = EnumSet.noneOf(Degradation.class);
        List<OrderItem> items = priced(request, degraded);
        ShippingRates.Quote quote = shippingRates.quote(request.shippingAddress(), request.lines())
                .orElseThrow(() -> new UnsupportedCountryException(request.shippingAddress().country()));
        if (quote.flatRate()) {
            degraded.add(Degradation.SHIPPING_QUOTE);
        }
        UUID orderId = key.map(IdempotencyKey::orderId).orElseGet(UUID::randomUUID);
        return transaction.execute(status -> {
            Instant now = now();
            // claimed first: a concurrent request with the same key waits here until this transaction ends, and
            // then finds the key taken and answers with this order instead of placing its own
            if (key.isPresent() && !idempotencyKeys.claim(key.get(), now)) {
                log.info("Idempotency-Key {} was taken by a concurrent request; answering with its order", key.get().key());
                return earlierOrder(key.get()).orElseThrow();
            }
            Order order = orders.add(Order.place(orderId, request.customerId(), items, quote.cost(),
                    request.shippingAddress(), degraded, now));
            events.placed(order);
            history.record(orderId, "order.placed");
            return order;
        });
    }

    @Transactional(readOnly = true)
    public Order get(UUID orderId) {
        return orders.withId(orderId).orElseThrow(() -> new OrderNotFoundException(orderId.toString()));
    }

    /**
     * The saga's last step; joins the caller's transaction (the listener's, with its reply). The order's status is
     * the natural key: a redelivered or re-sent ConfirmOrder finds it CONFIRMED and changes nothing.
     */
    @Transactional
    public Order confirm(UUID orderId) {
        Order order = get(orderId);
        switch (order.confirm(now())) {
            case APPLIED -> history.record(orderId, "order.confirmed");
            case ALREADY_APPLIED -> duplicates.skipped("order.confirm-order", orderId);
            case REFUSED -> log.warn("Order {} stays {}: not confirming a cancelled order", orderId, order.status());
        }
        return order;
    }

    /**
     * The saga's last compensation; joins the caller's transaction (the listener's, with its reply). A redelivered or
     * re-sent CancelOrder finds the order CANCELLED and changes nothing, its first reason included.
     */
    @Transactional
    public Order cancel(UUID orderId, CancellationReason reason) {
        Order order = get(orderId);
        switch (order.cancel(reason, now())) {
            case APPLIED -> history.record(orderId, "order.cancelled");
            case ALREADY_APPLIED -> {
                duplicates.skipped("order.cancel-order", orderId);
                if (order.reason() != reason) {
                    log.info("Order {} was already cancelled ({}); ignoring the new reason {}", orderId, order.reason(),
                            reason);
                }
            }
            // the saga never cancels after it confirmed; if it ever does, the order keeps what was promised
            case REFUSED -> log.warn("Order {} stays {}: not cancelling a confirmed order ({})", orderId,
                    order.status(), reason);
        }
        return order;
    }

    /**
     * The reconciler's first remedy: a PENDING order last announced at or before {@code before} is announced again
     * (OrderPlaced, the same content under a new message id) in one transaction with its bookkeeping, so every
     * instance together announces it at most once per interval. The orchestrator starts the saga if the first
     * OrderPlaced never became one, and ignores it when the order has a saga.
     *
     * @return whether this call announced it (false: not due any more, or another instance is at it)
     */
    @Transactional
    public boolean announceAgain(UUID orderId, Instant before) {
        if (!pendingOrders.claimAnnouncement(orderId, before, now())) {
            return false;
        }
        log.info("Order {} is still PENDING: announcing it again", orderId);
        events.placed(get(orderId));
        return true;
    }

    /**
     * The reconciler's last remedy: a PENDING order placed at or before {@code before} is reported stalled, once.
     * The orchestrator then ends it: cancelled (TIMED_OUT) when it has no saga, left to its saga otherwise.
     *
     * @return whether this call reported it
     */
    @Transactional
    public boolean reportStalled(UUID orderId, Instant before) {
        if (!pendingOrders.claimStall(orderId, before, now())) {
            return false;
        }
        log.warn("Order {} is still PENDING past its reconciliation limit: reporting it stalled", orderId);
        events.stalled(get(orderId));
        return true;
    }

    private Optional<Order> earlierOrder(IdempotencyKey key) {
        return idempotencyKeys.find(key.key()).map(stored -> {
            if (!stored.requestFingerprint().equals(key.requestFingerprint())) {
                throw new IdempotencyKeyReusedException(key.key());
            }
            return get(stored.orderId());
        });
    }

    private List<OrderItem> priced(OrderRequest request, Set<Degradation> degraded) {
        List<OrderItem> items = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (OrderRequest.Line line : request.lines()) {
            catalogue.priceOf(line.sku()).ifPresentOrElse(
                    price -> {
                        items.add(new OrderItem(line.sku(), line.quantity(), price.unitPrice()));
                        if (price.fromCache()) {
                            degraded.add(Degradation.INVENTORY_PRICES);
                        }
                    },
                    () -> unknown.add(line.sku()));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownSkuException(unknown);
        }
        return items;
    }

    // PostgreSQL keeps microseconds: the order returned now reads the same as the order read back later
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
