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
import io.microplatform.contracts.ShippingMessages;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
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

    static Stream<Arguments> unreadableRecords() {
        String ids = "\"messageId\":\"%s\",\"orderId\":\"%s\"".formatted(UUID.randomUUID(), UUID.randomUUID());
        return Stream.of(
                Arguments.of("not json at all", DeadLetterReason.MALFORMED),
                Arguments.of("{\"type\":", DeadLetterReason.MALFORMED),
                Arguments.of("", DeadLetterReason.MALFORMED),
                Arguments.of("{\"type\":\"inventory.ReserveStock\"," + ids + ",\"lines\":\"many\"}",
                        DeadLetterReason.MALFORMED),
                Arguments.of("{\"type\":\"payment.ChargePayment\"," + ids
                        + ",\"customerId\":\"bob\",\"amount\":\"lots\"}", DeadLetterReason.MALFORMED),
                Arguments.of("{\"type\":\"inventory.Teleport\"," + ids + "}", DeadLetterReason.UNKNOWN_TYPE),
                Arguments.of("{" + ids + "}", DeadLetterReason.UNKNOWN_TYPE),
                Arguments.of("{\"type\":\"inventory.ReserveStock\"," + ids
                        + ",\"lines\":[{\"sku\":\"KEYBOARD-01\",\"quantity\":0,\"unitPrice\":49.90}]}",
                        DeadLetterReason.INVALID),
                Arguments.of("{\"type\":\"payment.ChargePayment\",\"messageId\":\"" + UUID.randomUUID()
                        + "\",\"customerId\":\"bob\",\"amount\":1.00}", DeadLetterReason.INVALID),
                Arguments.of("{\"type\":\"order.CancelOrder\"," + ids + ",\"reason\":\"BORED\"}",
                        DeadLetterReason.INVALID));
    }

    /** Nothing of these reaches a handler; the error handler finds why in the header and dead-letters at once. */
    @ParameterizedTest
    @MethodSource("unreadableRecords")
    void turnsEveryUnreadableRecordIntoADeserializationExceptionThatSaysWhy(String value, DeadLetterReason reason) {
        RecordHeaders headers = new RecordHeaders();

        Message read = json.valueDeserializer().deserialize("inventory-commands", headers, value.getBytes(UTF_8));

        assertThat(read).isNull();
        ConsumerRecord<String, Message> record = new ConsumerRecord<>("inventory-commands", 0, 0, 0,
                TimestampType.CREATE_TIME, 0, value.length(), "key", null, headers, Optional.empty());
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(MessageJsonTest.class));
        assertThat(failure).isNotNull();
        assertThat(failure.getData()).isEqualTo(value.getBytes(UTF_8));
        assertThat(DeadLetterReason.of(failure)).isEqualTo(reason);
    }

    @Test
    void namesTheBrokenFieldsButNotTheirValues() {
        String secret = "Secret Street\u0007";
        ShippingMessages.CreateShipment command = new ShippingMessages.CreateShipment(UUID.randomUUID(),
                UUID.randomUUID(), new ShippingAddress("Ada", secret, "Berlin", "10115", "DE"));
        byte[] written = json.valueSerializer().serialize("shipping-commands", new RecordHeaders(), command);
        RecordHeaders headers = new RecordHeaders();

        json.valueDeserializer().deserialize("shipping-commands", headers, written);

        ConsumerRecord<String, Message> record = new ConsumerRecord<>("shipping-commands", 0, 0, 0,
                TimestampType.CREATE_TIME, 0, written.length, "key", null, headers, Optional.empty());
        Throwable cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(MessageJsonTest.class))
                .getCause();
        assertThat(cause).isInstanceOf(InvalidMessageException.class)
                .hasMessage("CreateShipment breaks its contract: "
                        + "address.street is not a text of 1 to 200 characters without control characters");
    }

    @Test
    void passesBytesThroughUnchangedForTheDeadLetterPublisher() {
        byte[] original = "not json at all".getBytes(UTF_8);

        assertThat(json.valueSerializer().serialize("inventory-commands-dlt", new RecordHeaders(), original))
                .isEqualTo(original);
    }
}
