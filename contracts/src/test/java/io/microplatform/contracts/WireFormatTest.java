package io.microplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden JSON: every message type's wire form is written down in src/test/resources/golden, so a change to the wire
 * format shows up in review as a changed golden file instead of as a consumer failing in production.
 */
class WireFormatTest {

    private static final UUID MESSAGE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID COMMAND = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final List<OrderLine> LINES = List.of(new OrderLine("KEYBOARD-01", 2, new BigDecimal("49.90")));
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

    // exact decimals, so 49.90 in a golden file stays 49.90 and money keeps its 2 decimals on the wire
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    static Stream<Message> messages() {
        return Stream.of(
                new OrderMessages.OrderPlaced(MESSAGE, ORDER, "alice", LINES, new BigDecimal("4.99"),
                        new BigDecimal("104.79"), ADDRESS),
                new OrderMessages.OrderStalled(MESSAGE, ORDER),
                new OrderMessages.ConfirmOrder(MESSAGE, ORDER),
                new OrderMessages.CancelOrder(MESSAGE, ORDER, "OUT_OF_STOCK"),
                new OrderMessages.OrderConfirmed(MESSAGE, ORDER, COMMAND),
                new OrderMessages.OrderCancelled(MESSAGE, ORDER, COMMAND),
                new InventoryMessages.ReserveStock(MESSAGE, ORDER, LINES),
                new InventoryMessages.ReleaseStock(MESSAGE, ORDER),
                new InventoryMessages.StockReserved(MESSAGE, ORDER, COMMAND),
                new InventoryMessages.StockUnavailable(MESSAGE, ORDER, COMMAND, List.of("LAPTOP-14")),
                new InventoryMessages.StockReleased(MESSAGE, ORDER, COMMAND),
                new PaymentMessages.ChargePayment(MESSAGE, ORDER, "alice", new BigDecimal("104.79")),
                new PaymentMessages.RefundPayment(MESSAGE, ORDER),
                new PaymentMessages.PaymentCharged(MESSAGE, ORDER, COMMAND),
                new PaymentMessages.PaymentDeclined(MESSAGE, ORDER, COMMAND, "insufficient balance"),
                new PaymentMessages.PaymentRefunded(MESSAGE, ORDER, COMMAND),
                new ShippingMessages.CreateShipment(MESSAGE, ORDER, ADDRESS),
                new ShippingMessages.CancelShipment(MESSAGE, ORDER),
                new ShippingMessages.ShipmentCreated(MESSAGE, ORDER, COMMAND),
                new ShippingMessages.ShipmentFailed(MESSAGE, ORDER, COMMAND, "postal code 00000 is undeliverable"),
                new ShippingMessages.ShipmentCancelled(MESSAGE, ORDER, COMMAND));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void serializesToItsGoldenJson(Message message) throws IOException {
        JsonNode golden = golden(message);
        JsonNode written = json.valueToTree(message);
        assertThat(written).isEqualTo(golden);
        assertThat(golden.get("type").asText()).doesNotContain("io.microplatform");
    }

    @ParameterizedTest
    @MethodSource("messages")
    void readsItsGoldenJsonBackAsTheSameMessage(Message message) throws IOException {
        assertThat(json.treeToValue(golden(message), Message.class)).isEqualTo(message);
    }

    private JsonNode golden(Message message) throws IOException {
        String type = json.valueToTree(message).get("type").asText();
        try (InputStream file = getClass().getResourceAsStream("/golden/" + type + ".json")) {
            assertThat(file).as("golden file for " + type).isNotNull();
            return json.readTree(file);
        }
    }
}
