package io.microplatform.order.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderRequestTest {

    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

    @Test
    void mergesLinesOfTheSameSkuAndSortsThemBySku() {
        OrderRequest request = new OrderRequest("alice", List.of(line("MOUSE-01", 1), line("KEYBOARD-01", 2),
                line("MOUSE-01", 3)), ADDRESS);

        assertThat(request.lines()).containsExactly(line("KEYBOARD-01", 2), line("MOUSE-01", 4));
    }

    @Test
    void refusesALineWithoutUnits() {
        assertThatIllegalArgumentException().isThrownBy(() -> line("MOUSE-01", 0));
    }

    @Test
    void requestsForTheSameGoodsHaveTheSameFingerprint() {
        OrderRequest request = new OrderRequest("alice", List.of(line("KEYBOARD-01", 2), line("MOUSE-01", 1)), ADDRESS);
        OrderRequest reordered = new OrderRequest("alice", List.of(line("MOUSE-01", 1), line("KEYBOARD-01", 2)), ADDRESS);
        OrderRequest split = new OrderRequest("alice",
                List.of(line("MOUSE-01", 1), line("KEYBOARD-01", 1), line("KEYBOARD-01", 1)), ADDRESS);

        assertThat(request.fingerprint()).hasSize(64).isEqualTo(reordered.fingerprint()).isEqualTo(split.fingerprint());
    }

    @Test
    void anyDifferenceChangesTheFingerprint() {
        OrderRequest request = new OrderRequest("alice", List.of(line("KEYBOARD-01", 2)), ADDRESS);

        assertThat(List.of(
                new OrderRequest("bob", List.of(line("KEYBOARD-01", 2)), ADDRESS),
                new OrderRequest("alice", List.of(line("KEYBOARD-01", 3)), ADDRESS),
                new OrderRequest("alice", List.of(line("KEYBOARD-02", 2)), ADDRESS),
                new OrderRequest("alice", List.of(line("KEYBOARD-01", 2)),
                        new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "FR")),
                // the same characters split differently between two fields
                new OrderRequest("alice", List.of(line("KEYBOARD-01", 2)),
                        new ShippingAddress("Ada1", " Main St", "Berlin", "10115", "DE"))))
                .extracting(OrderRequest::fingerprint)
                .doesNotContain(request.fingerprint())
                .doesNotHaveDuplicates();
    }

    private static OrderRequest.Line line(String sku, int quantity) {
        return new OrderRequest.Line(sku, quantity);
    }
}
