package io.microplatform.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.microplatform.inventory.domain.Item;
import io.microplatform.inventory.domain.ItemRepository;
import io.microplatform.inventory.domain.Reservation;
import io.microplatform.inventory.domain.ReservationOutcome;
import io.microplatform.inventory.domain.ReservationRepository;
import io.microplatform.inventory.domain.StockLine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock reservations for the order saga. Each use case is one transaction and idempotent per order: the order's
 * one reservation (its primary key) is looked up first, so a redelivered or re-sent command changes nothing and is
 * answered as the first one was.
 */
@Service
@Transactional
public class InventoryManagement {

    private final ItemRepository items;
    private final ReservationRepository reservations;

    InventoryManagement(ItemRepository items, ReservationRepository reservations) {
        this.items = items;
        this.reservations = reservations;
    }

    /** All lines or none; never takes an item's stock below zero, however many orders race for it. */
    public ReservationOutcome reserve(UUID orderId, List<StockLine> lines) {
        Reservation reservation = reservations.findByOrderId(orderId)
                .orElseGet(() -> reservations.save(Reservation.reserve(orderId, lines, lock(skus(lines)))));
        return reservation.outcome(lines);
    }

    /**
     * Gives the order's units back once. Without a reservation it records a released one, so that a ReserveStock
     * arriving after its compensation (a late re-send) is refused instead of holding stock nobody will release.
     */
    public void release(UUID orderId) {
        reservations.findByOrderId(orderId).ifPresentOrElse(
                reservation -> {
                    if (reservation.holdsStock()) {
                        reservation.release(lock(reservation.skus()));
                    }
                },
                () -> reservations.save(Reservation.releasedBeforeReserved(orderId)));
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
