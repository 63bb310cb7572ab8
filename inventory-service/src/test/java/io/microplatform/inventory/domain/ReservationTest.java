package io.microplatform.inventory.domain;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.microplatform.inventory.domain.ReservationOutcome.Reserved;
import io.microplatform.inventory.domain.ReservationOutcome.Unavailable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationTest {

    private final UUID orderId = UUID.randomUUID();
    private final Item keyboard = item("KEYBOARD-01", 5);
    private final Item monitor = item("MONITOR-27", 1);

    @Test
    void takesEveryLineOutOfStock() {
        List<StockLine> lines = List.of(new StockLine("MONITOR-27", 1), new StockLine("KEYBOARD-01", 2));

        Reservation reservation = Reservation.reserve(orderId, lines, locked(keyboard, monitor));

        assertThat(reservation.outcome(lines)).isEqualTo(new Reserved());
        assertThat(reservation.holdsStock()).isTrue();
        assertThat(keyboard.stock()).isEqualTo(3);
        assertThat(monitor.stock()).isZero();
    }

    @Test
    void takesNothingWhenOneLineLacksStockAndNamesTheSkusInOrder() {
        List<StockLine> lines = List.of(new StockLine("NOPE-01", 1), new StockLine("MONITOR-27", 2),
                new StockLine("KEYBOARD-01", 2));

        Reservation reservation = Reservation.reserve(orderId, lines, locked(keyboard, monitor));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(reservation.outcome(lines)).isEqualTo(new Unavailable(List.of("MONITOR-27", "NOPE-01")));
        assertThat(keyboard.stock()).isEqualTo(5);
        assertThat(monitor.stock()).isEqualTo(1);
    }

    @Test
    void addsUpLinesOfOneSkuBeforeCheckingStock() {
        List<StockLine> lines = List.of(new StockLine("KEYBOARD-01", 3), new StockLine("KEYBOARD-01", 3));

        Reservation reservation = Reservation.reserve(orderId, lines, locked(keyboard));

        assertThat(reservation.outcome(lines)).isEqualTo(new Unavailable(List.of("KEYBOARD-01")));
        assertThat(reservation.lines()).containsExactly(new StockLine("KEYBOARD-01", 6));
    }

    @Test
    void givesTheUnitsBackOnlyOnce() {
        Reservation reservation = Reservation.reserve(orderId, List.of(new StockLine("KEYBOARD-01", 2)), locked(keyboard));

        reservation.release(locked(keyboard));
        reservation.release(locked(keyboard));

        assertThat(keyboard.stock()).isEqualTo(5);
        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        // a late re-send of the reservation is answered as before, and holds nothing
        assertThat(reservation.outcome(List.of(new StockLine("KEYBOARD-01", 2)))).isEqualTo(new Reserved());
        assertThat(reservation.holdsStock()).isFalse();
        // both commands were applied: another copy of either is a duplicate
        assertThat(reservation.answeredReserveStock()).isTrue();
        assertThat(reservation.answeredReleaseStock()).isTrue();
    }

    @Test
    void aReleaseBeforeTheReservationRefusesItLater() {
        Reservation tombstone = Reservation.releasedBeforeReserved(orderId);

        assertThat(tombstone.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(tombstone.holdsStock()).isFalse();
        assertThat(tombstone.outcome(List.of(new StockLine("KEYBOARD-01", 1))))
                .isEqualTo(new Unavailable(List.of("KEYBOARD-01")));
        // the late ReserveStock is refused, but it is no duplicate: no ReserveStock came before
        assertThat(tombstone.answeredReserveStock()).isFalse();
        assertThat(tombstone.answeredReleaseStock()).isTrue();
    }

    private static Item item(String sku, int stock) {
        return new Item(sku, sku, new BigDecimal("1.00"), stock);
    }

    private static Map<String, Item> locked(Item... items) {
        return Arrays.stream(items).collect(Collectors.toMap(Item::sku, Function.identity()));
    }
}
