package io.microplatform.inventory.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.microplatform.inventory.domain.ReservationOutcome.Reserved;
import io.microplatform.inventory.domain.ReservationOutcome.Unavailable;

/**
 * What inventory decided for one order, kept for as long as the order can be asked about again: the saga may
 * redeliver or re-send any command, and compensate a step whose command has not arrived yet.
 */
@Entity
@Table(name = "reservations")
public class Reservation {

    @Id
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    private ReservationStatus status;

    @ElementCollection
    @CollectionTable(name = "reservation_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("sku")
    private List<StockLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "reservation_shortages", joinColumns = @JoinColumn(name = "order_id"))
    @Column(name = "sku")
    @OrderBy
    private List<String> unavailableSkus = new ArrayList<>();

    private Instant createdAt;

    /** Null when nothing was ever taken out of stock for the order. */
    private Instant reservedAt;

    private Instant releasedAt;

    // a wrapper type, so Spring Data sees a new reservation by its null version despite the assigned id
    @Version
    private Long version;

    protected Reservation() {
        // for JPA
    }

    private Reservation(UUID orderId, ReservationStatus status, Collection<StockLine> lines, List<String> unavailableSkus) {
        this.orderId = Objects.requireNonNull(orderId);
        this.status = status;
        this.lines.addAll(lines);
        this.unavailableSkus.addAll(unavailableSkus);
        this.createdAt = now();
        this.reservedAt = status == ReservationStatus.RESERVED ? createdAt : null;
    }

    /**
     * Reserves every line or none. lockedItems are the requested skus' rows, locked by the caller; a sku missing from
     * it is unknown and counts as out of stock. Lines of the same sku are added up.
     */
    public static Reservation reserve(UUID orderId, List<StockLine> requested, Map<String, Item> lockedItems) {
        List<StockLine> lines = perSku(requested);
        List<String> lacking = lines.stream()
                .filter(line -> !lockedItems.containsKey(line.sku()) || !lockedItems.get(line.sku()).hasInStock(line.quantity()))
                .map(StockLine::sku)
                .toList();
        if (!lacking.isEmpty()) {
            return new Reservation(orderId, ReservationStatus.REJECTED, lines, lacking);
        }
        lines.forEach(line -> lockedItems.get(line.sku()).take(line.quantity()));
        return new Reservation(orderId, ReservationStatus.RESERVED, lines, List.of());
    }

    /** ReleaseStock arrived first (the saga compensates a step whose command is late or lost): holds nothing, refuses it. */
    public static Reservation releasedBeforeReserved(UUID orderId) {
        Reservation tombstone = new Reservation(orderId, ReservationStatus.RELEASED, List.of(), List.of());
        tombstone.releasedAt = tombstone.createdAt;
        return tombstone;
    }

    /**
     * The answer to a ReserveStock for this order, whenever it arrives: a redelivery or a re-send gets the answer
     * the first one got, and nothing changes. A reservation released before it was made refuses every line.
     */
    public ReservationOutcome outcome(List<StockLine> requested) {
        return switch (status) {
            case RESERVED -> new Reserved();
            case REJECTED -> new Unavailable(unavailableSkus);
            // reserved once and given back since: still the answer "reserved", the compensation came later
            case RELEASED -> reservedAt != null ? new Reserved()
                    : new Unavailable(perSku(requested).stream().map(StockLine::sku).toList());
        };
    }

    public boolean holdsStock() {
        return status == ReservationStatus.RESERVED;
    }

    /** Whether a ReserveStock decided this reservation, so that another one for the order repeats it. */
    public boolean answeredReserveStock() {
        return status != ReservationStatus.RELEASED || reservedAt != null;
    }

    /** Whether a ReleaseStock came before (it released the stock or left the tombstone), so another one repeats it. */
    public boolean answeredReleaseStock() {
        return status == ReservationStatus.RELEASED;
    }

    /** Gives the units back, once. lockedItems are this reservation's skus' rows, locked by the caller. */
    public void release(Map<String, Item> lockedItems) {
        if (!holdsStock()) {
            return;
        }
        for (StockLine line : lines) {
            Item item = lockedItems.get(line.sku());
            if (item == null) {
                throw new IllegalStateException("item " + line.sku() + " of reservation " + orderId + " is gone");
            }
            item.putBack(line.quantity());
        }
        status = status.moveTo(ReservationStatus.RELEASED);
        releasedAt = now();
    }

    public List<String> skus() {
        return lines.stream().map(StockLine::sku).toList();
    }

    public ReservationStatus status() {
        return status;
    }

    public List<StockLine> lines() {
        return List.copyOf(lines);
    }

    /** One line per sku, in sku order: the order in which rows are locked and lines stored. */
    public static List<StockLine> perSku(List<StockLine> requested) {
        Map<String, Integer> quantities = new TreeMap<>();
        requested.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
        return quantities.entrySet().stream().map(entry -> new StockLine(entry.getKey(), entry.getValue())).toList();
    }

    // PostgreSQL keeps microseconds: an instant read back equals the one written
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
