package io.microplatform.shipping.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.microplatform.shipping.domain.ShipmentOutcome.Created;
import io.microplatform.shipping.domain.ShipmentOutcome.Failed;

/**
 * An order's shipment, kept for as long as the order can be asked about again: the saga may redeliver or re-send
 * any command, and compensate a step whose command has not arrived yet.
 */
@Entity
@Table(name = "shipments")
public class Shipment {

    @Id
    private UUID id;

    private UUID orderId;

    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;

    /** Null for a tombstone (cancelled before anything was created) and for a refusal. */
    @Embedded
    private Address address;

    /** Why CreateShipment was refused; null unless REFUSED. */
    private String refusalReason;

    private Instant createdAt;

    private Instant updatedAt;

    // a wrapper type, so Spring Data sees a new shipment by its null version despite the assigned id
    @Version
    private Long version;

    protected Shipment() {
        // for JPA
    }

    private Shipment(UUID orderId, ShipmentStatus status, Address address) {
        this.id = UUID.randomUUID();
        this.orderId = Objects.requireNonNull(orderId);
        this.status = status;
        this.address = address;
        this.createdAt = now();
        this.updatedAt = createdAt;
    }

    /**
     * Why no shipment can go to address, or empty when one can. destination is the address's country's, empty when
     * the shop does not ship there.
     */
    public static Optional<String> refusal(Address address, Optional<Destination> destination) {
        if (address == null || !address.isComplete()) {
            return Optional.of("the shipping address is incomplete");
        }
        if (address.isUndeliverable()) {
            return Optional.of("postal code " + address.postalCode() + " is undeliverable");
        }
        if (destination.isEmpty()) {
            return Optional.of("shipping to country " + address.country() + " is not supported");
        }
        return Optional.empty();
    }

    /** A new shipment; the caller checked that {@link #refusal} has no objection. */
    public static Shipment create(UUID orderId, Address address) {
        if (address == null || !address.isComplete() || address.isUndeliverable()) {
            throw new IllegalArgumentException("cannot ship order " + orderId + " to " + address);
        }
        return new Shipment(orderId, ShipmentStatus.CREATED, address);
    }

    /** CancelShipment came first (the saga compensates a step whose command is late or lost): refuses a later one. */
    public static Shipment cancelledBeforeCreated(UUID orderId) {
        return new Shipment(orderId, ShipmentStatus.CANCELLED, null);
    }

    /**
     * CreateShipment was refused: remembered, so that a redelivery of it (the saga may have compensated since) gets
     * the same refusal even when the carrier would now accept, and never creates a shipment nobody cancels.
     */
    public static Shipment refused(UUID orderId, String reason) {
        Shipment refused = new Shipment(orderId, ShipmentStatus.REFUSED, null);
        refused.refusalReason = Objects.requireNonNull(reason, "reason");
        return refused;
    }

    /**
     * The answer to a CreateShipment for this order, whenever it arrives: a redelivery or a re-send gets the answer
     * the first one got, and nothing changes.
     */
    public ShipmentOutcome outcome() {
        if (status == ShipmentStatus.REFUSED) {
            return new Failed(refusalReason);
        }
        // cancelled after it was created: still the answer "created", the compensation came later
        return wasCreated() ? new Created() : new Failed("the order's shipment was cancelled before it was created");
    }

    /** Whether a CreateShipment decided this shipment, so that another one for the order repeats it. */
    public boolean answeredCreateShipment() {
        return status != ShipmentStatus.CANCELLED || wasCreated();
    }

    /** Whether a CancelShipment came before (it cancelled the shipment, or left the tombstone): another repeats it. */
    public boolean answeredCancelShipment() {
        return status == ShipmentStatus.CANCELLED;
    }

    /** False for a tombstone and a refusal, which are no shipments and are not listed. */
    public boolean wasCreated() {
        return address != null;
    }

    /**
     * Once; cancelling a cancelled or refused shipment changes nothing.
     *
     * @return true when a created shipment was cancelled now
     */
    public boolean cancel() {
        if (!status.canMoveTo(ShipmentStatus.CANCELLED)) {
            return false;
        }
        status = status.moveTo(ShipmentStatus.CANCELLED);
        updatedAt = now();
        return true;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public ShipmentStatus status() {
        return status;
    }

    public Address address() {
        return address;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    // PostgreSQL keeps microseconds: an instant read back equals the one written
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
