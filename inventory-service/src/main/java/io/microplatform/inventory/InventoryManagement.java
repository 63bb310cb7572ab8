package io.microplatform.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.microplatform.inventory.domain.Item;
import io.microplatform.inventory.domain.ItemRepository;
import io.microplatform.inventory.domain.Reservation;
import io.microplatform.inventory.domain.ReservationOutcome;
import io.microplatform.inventory.domain.ReservationRepository;
import io.microplatform.inventory.domain.StockLine;
import io.microplatform.messaging.CausalHistory;
import io.microplatform.messaging.Duplicates;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock reservations for the order saga. Each use case is one transaction and idempotent per order: the order's
 * one reservation (its primary key, the natural key) is looked up first, so a redelivered or re-sent command changes
 * nothing, is answered as the first one was and is counted in Duplicates. Each decision is recorded in the order's
 * causal history (CausalHistory) in the same transaction; an answer from the stored reservation is not a new decision
 * and records nothing.
 */
@Service
@Transactional
public class InventoryManagement {

    private final ItemRepository items;
    private final ReservationRepository reservations;
    private final CausalHistory history;
    private final Duplicates duplicates;

    InventoryManagement(ItemRepository items, ReservationRepository reservations, CausalHistory history,
            Duplicates duplicates) {
        this.items = items;
        this.reservations = reservations;
        this.history = history;
        this.duplicates = duplicates;
    }

    /**
     * All lines or none; never takes an item's stock below zero, however many orders race for it. A refusal is
     * stored like a reservation, so a redelivery is refused again although stock may have arrived since.
     */
    public ReservationOutcome reserve(UUID orderId, List<StockLine> lines) {
        Optional<Reservation> existing = reservations.ofOrder(orderId);
        if (existing.isPresent()) {
            // a tombstone answers a late first ReserveStock: no repeat, though it changes nothing either
            if (existing.get().answeredReserveStock()) {
                duplicates.skipped("inventory.reserve-stock", orderId);
            }
            return existing.get().outcome(lines);
        }
        Reservation reservation = reservations.add(Reservation.reserve(orderId, lines, lock(skus(lines))));
        history.record(orderId, reservation.holdsStock() ? "inventory.reserved" : "inventory.refused");
        return reservation.outcome(lines);
    }

    /**
     * Gives the order's units back once. Without a reservation it records a released one, so that a ReserveStock
     * arriving after its compensation (a late re-send) is refused instead of holding stock nobody will release.
     */
    public void release(UUID orderId) {
        reservations.ofOrder(orderId).ifPresentOrElse(
                reservation -> {
                    if (reservation.holdsStock()) {
                        reservation.release(lock(reservation.skus()));
                        history.record(orderId, "inventory.released");
                    } else if (reservation.answeredReleaseStock()) {
                        duplicates.skipped("inventory.release-stock", orderId);
                    }
                },
                // a tombstone gives nothing back: no effect to record
                () -> reservations.add(Reservation.releasedBeforeReserved(orderId)));
    }

    private Map<String, Item> lock(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return items.lockBySkus(skus).stream().collect(Collectors.toMap(Item::sku, Function.identity()));
    }

    private static List<String> skus(List<StockLine> lines) {
        return Reservation.perSku(lines).stream().map(StockLine::sku).toList();
    }
}
