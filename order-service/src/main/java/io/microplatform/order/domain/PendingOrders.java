package io.microplatform.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reconciler's view of PENDING orders: when each was last announced and whether it was reported stalled.
 * Bookkeeping beside the aggregate, not in it: neither the API nor the saga sees it. Each claim locks the order's row
 * (skipping a row another transaction holds) and runs in the caller's transaction, so that the claim and the message
 * it allows commit together, once, however many instances reconcile at the same time.
 */
public interface PendingOrders {

    /** PENDING orders not reported stalled, last announced (or placed) at or before {@code before}; oldest first. */
    List<UUID> dueForAnnouncement(Instant before, int limit);

    /** Marks the order announced at {@code now} if it is still due and not locked by another transaction. */
    boolean claimAnnouncement(UUID orderId, Instant before, Instant now);

    /** PENDING orders placed at or before {@code before} and not reported stalled yet; oldest first. */
    List<UUID> dueForStall(Instant before, int limit);

    /** Marks the order reported stalled at {@code now} if it is still due and not locked by another transaction. */
    boolean claimStall(UUID orderId, Instant before, Instant now);

    /** When the oldest PENDING order was placed; empty when none is. */
    Optional<Instant> oldestPendingSince();
}
