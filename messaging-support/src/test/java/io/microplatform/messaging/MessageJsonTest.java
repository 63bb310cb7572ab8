package io.microplatform.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.microplatform.contracts.Message;
import io.microplatform.contracts.OrderLine;
import io.microplatform.contracts.OrderMessages.OrderPlaced;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.ShippingAddress;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.serializer.SerializationUtils;

class MessageJsonTest {

    // configured like Boot's: modules found on the classpath, unknown properties tolerated
    private final MessageJson json = new MessageJson(JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build());

    private final OrderPlaced placed = new OrderPlaced(UUID.randomUUID(), UUID.randomUUID(), "alice",
            List.of(new OrderLine("KEYBOARD-01", 2, new BigDecimal("49.90"))), new BigDecimal("4.99"),
            new BigDecimal("104.70"), new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));

    @Test
    void writesTheLogicalTypeIdAndNoJavaTypeHeaders() {
        RecordHeaders headers = new RecordHeaders();
        String written = new String(json.valueSerializer().serialize("order-events", headers, placed), UTF_8);

        assertThat(written).startsWith("{\"type\":\"order.OrderPlaced\"").doesNotContain("io.microplatform");
        assertThat(headers.toArray()).isEmpty();
        assertThat(json.encode(placed)).isEqualTo(new MessageJson.Encoded("order.OrderPlaced", written));
    }

    @Test
    void keepsTheScaleOfMoneyBothWays() {
        byte[] written = json.valueSerializer().serialize("order-events", new RecordHeaders(), placed);

        assertThat(new String(written, UTF_8)).contains("\"unitPrice\":49.90", "\"total\":104.70");
        OrderPlaced read = (OrderPlaced) json.valueDeserializer().deserialize("order-events", new RecordHeaders(), written);
        assertThat(read).isEqualTo(placed);
        assertThat(read.total().toPlainString()).isEqualTo("104.70");
    }

    @Test
    void keepsTheScaleWhenTheTypeIdComesLast() {
        // Jackson buffers what precedes "type"; a producer in another language may well write it last
        String typeLast = """
                {"messageId":"%s","orderId":"%s","customerId":"bob","amount":1049.90,"type":"payment.ChargePayment"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID());

        Message read = json.valueDeserializer().deserialize("payment-commands", new RecordHeaders(),
                typeLast.getBytes(UTF_8));

        assertThat(((ChargePayment) read).amount().toPlainString()).isEqualTo("1049.90");
    }

    @Test
    void turnsAnUnknownTypeIdOrMalformedJsonIntoADeserializationExceptionForTheErrorHandler() {
        for (String unreadable : List.of("{\"type\":\"inventory.Teleport\",\"messageId\":\"x\"}", "{\"type\":", "")) {
            RecordHeaders headers = new RecordHeaders();

            Message read = json.valueDeserializer().deserialize("inventory-commands", headers, unreadable.getBytes(UTF_8));

            assertThat(read).as(unreadable).isNull();
            assertThat(headers.lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER)).as(unreadable)
                    .isNotNull();
        }
    }

    @Test
    void passesBytesThroughUnchangedForTheDeadLetterPublisher() {
        byte[] original = "not json at all".getBytes(UTF_8);

        assertThat(json.valueSerializer().serialize("inventory-commands-dlt", new RecordHeaders(), original))
                .isEqualTo(original);
    }
}
