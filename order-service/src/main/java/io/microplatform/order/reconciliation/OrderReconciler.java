package io.microplatform.order.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.order.OrderManagement;
import io.microplatform.order.domain.PendingOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Finds accepted orders that have no saga after a while and drives them, so that every order the API accepted ends:
 * its OrderPlaced may never have become a saga (parked in the outbox, dead-lettered by the orchestrator, lost with a
 * broker). Every {@code order.reconciliation.interval}: an order PENDING past {@code reannounce-after} is announced
 * again (the orchestrator starts its saga, or ignores the duplicate); one PENDING past {@code stalled-after} is
 * reported stalled, once (the orchestrator cancels it with TIMED_OUT unless it has a saga). Every instance runs it;
 * each order is claimed with a row lock, so instances share the work instead of repeating it.
 */
@Component
class OrderReconciler implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OrderReconciler.class);

    private final PendingOrders pendingOrders;
    private final OrderManagement orders;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private final Counter reannounced;
    private final Counter stalled;
    // null while no order is pending; the gauge computes the age on every scrape
    private volatile Instant oldestPendingSince;

    OrderReconciler(PendingOrders pendingOrders, OrderManagement orders, ReconciliationProperties properties,
            Clock clock, MeterRegistry registry) {
        this.pendingOrders = pendingOrders;
        this.orders = orders;
        this.properties = properties;
        this.clock = clock;
        this.reannounced = Counter.builder("orders.reconciliation.reannounced")
                .description("PENDING orders whose OrderPlaced the reconciler published again")
                .register(registry);
        this.stalled = Counter.builder("orders.reconciliation.stalled")
                .description("PENDING orders the reconciler reported stalled (OrderStalled) to the orchestrator")
                .register(registry);
        // the same value on every instance (it is read from the database): alert on max(), not sum()
        Gauge.builder("orders.pending.oldest.age", this, OrderReconciler::oldestPendingAgeSeconds)
                .description("Age of the oldest PENDING order (0 when none); an order's saga normally ends in seconds")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(this::reconcileQuietly, properties.interval());
        }
    }

    /** One run: stalls first, so an order past both limits gets its OrderStalled and no further OrderPlaced. */
    void reconcile() {
        Instant now = clock.instant();
        Instant stallBefore = now.minus(properties.stalledAfter());
        for (UUID orderId : pendingOrders.dueForStall(stallBefore, properties.batchSize())) {
            handle(orderId, () -> orders.reportStalled(orderId, stallBefore), stalled);
        }
        Instant announceBefore = now.minus(properties.reannounceAfter());
        for (UUID orderId : pendingOrders.dueForAnnouncement(announceBefore, properties.batchSize())) {
            handle(orderId, () -> orders.announceAgain(orderId, announceBefore), reannounced);
        }
        oldestPendingSince = pendingOrders.oldestPendingSince().orElse(null);
    }

    /** Counted once the order's transaction committed; one order's failure does not stop the others. */
    private void handle(UUID orderId, BooleanSupplier action, Counter done) {
        try {
            if (action.getAsBoolean()) {
                done.increment();
            }
        }
        catch (RuntimeException e) {
            log.warn("Could not reconcile order {}; the next run tries again: {}", orderId, e.toString());
        }
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        }
        catch (RuntimeException e) {
            // an exception would end the schedule; the database may be back on the next run
            log.warn("Order reconciliation failed: {}", e.toString());
        }
    }

    private double oldestPendingAgeSeconds() {
        Instant oldest = oldestPendingSince;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis()) / 1000.0;
    }
}
