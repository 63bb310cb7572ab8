package io.microplatform.shipping;

import io.microplatform.testsupport.SagaCommands;
import io.microplatform.testsupport.SagaReplies;
import io.microplatform.testsupport.ScriptedThirdParty;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.ShippingMessages.CancelShipment;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.ShippingMessages.ShipmentCancelled;
import io.microplatform.contracts.ShippingMessages.ShipmentCreated;
import io.microplatform.contracts.ShippingMessages.ShipmentFailed;
import io.microplatform.contracts.Topics;
import io.microplatform.shipping.client.CarrierClient;
import io.microplatform.testsupport.ClosedBreakers;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shipping as a saga participant: the test plays the orchestrator, sending commands to shipping-commands and reading
 * the answers from saga-replies, against real PostgreSQL and Kafka; with the carrier answering or failing for one
 * order at a time (ScriptedCarrier), through the client's real resilience4j. Also the quotes, against the migrated
 * rates.
 */
// the same configuration as ShippingServiceIT, so both share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedCarrier.class)
// some tests open the carrier's breaker: every test, here and in the other ITs of the context, starts closed
@ExtendWith(ClosedBreakers.class)
class ShippingCommandsIT {

    private static final ShippingAddress BERLIN = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");
    // postal code 00000 is refused as a business decision, without asking the carrier
    private static final ShippingAddress UNDELIVERABLE =
            new ShippingAddress("Ada", "1 Main St", "Berlin", "00000", "DE");

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ScriptedThirdParty carrier;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @RegisterExtension
    final SagaReplies replies = SagaReplies.eachTest();
    @RegisterExtension
    final SagaCommands commands = SagaCommands.eachTest(Topics.SHIPPING_COMMANDS);

    @Test
    void createsAShipmentToADeliverableAddress() {
        CreateShipment command = create(UUID.randomUUID(), BERLIN);

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(ShipmentCreated.class)
                .extracting(Reply::orderId).isEqualTo(command.orderId());
        JsonNode shipments = shipmentsOf(command.orderId());
        assertThat(shipments).hasSize(1);
        JsonNode shipment = shipments.get(0);
        assertThat(shipment.get("orderId").asText()).isEqualTo(command.orderId().toString());
        assertThat(shipment.get("status").asText()).isEqualTo("CREATED");
        assertThat(List.of("name", "street", "city", "postalCode", "country"))
                .extracting(field -> shipment.get(field).asText())
                .containsExactly("Ada", "1 Main St", "Berlin", "10115", "DE");
        assertThat(shipment.get("createdAt").asText()).isEqualTo(shipment.get("updatedAt").asText());
    }

    /** A business refusal, decided from the address alone: the carrier is not asked. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Berlin   | 00000 | DE | postal code 00000 is undeliverable
            Atlantis | 12345 | XX | shipping to country XX is not supported
            """)
    void refusesAnAddressItCannotShipToAndCreatesNothing(String city, String postalCode, String country, String why) {
        CreateShipment command = create(UUID.randomUUID(),
                new ShippingAddress("Ada", "1 Main St", city, postalCode, country));

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(ShipmentFailed.class);
        assertThat(((ShipmentFailed) reply).why()).isEqualTo(why);
        assertThat(shipmentsOf(command.orderId())).isEmpty();
        assertThat(status(command.orderId())).isEqualTo("REFUSED");
        assertThat(effects(command.orderId())).containsExactly("shipping.refused");
        assertThat(carrier.callsFor(command.orderId())).isZero();
    }

    static Stream<Arguments> decisionsOnACreateShipment() {
        return Stream.of(
                Arguments.of(Named.of("a created shipment", BERLIN), ShipmentCreated.class, "shipping.created", 1),
                Arguments.of(Named.of("an undeliverable address", UNDELIVERABLE), ShipmentFailed.class,
                        "shipping.refused", 0));
    }

    /** A redelivery is answered from the order's stored row: one decision, one effect, no second carrier call. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("decisionsOnACreateShipment")
    void decidesOnceAndAnswersTwiceWhenCreateShipmentIsDeliveredTwice(ShippingAddress address,
            Class<? extends Reply> answer, String effect, int carrierCalls) {
        CreateShipment command = create(UUID.randomUUID(), address);

        commands.send(command);
        commands.send(command);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(command.messageId(), 2), answer);
        assertThat(rows(command.orderId())).isOne();
        assertThat(effects(command.orderId())).containsExactly(effect);
        assertThat(carrier.callsFor(command.orderId())).isEqualTo(carrierCalls);
    }

    /**
     * The carrier refused; a late redelivery of the same CreateShipment (the saga has compensated meanwhile) finds the
     * carrier willing: it gets the stored refusal, the carrier is not asked again, and nothing is created that nobody
     * would cancel.
     */
    @Test
    void answersARedeliveryOfACarrierRefusalWithTheRefusalAlthoughTheCarrierWouldNowAccept() {
        CreateShipment command = create(UUID.randomUUID(), BERLIN);
        carrier.failNext(command.orderId(), 1, 422);
        commands.send(command);
        assertThat(((ShipmentFailed) replies.awaitReplyTo(command.messageId())).why())
                .isEqualTo("the carrier refused the shipment");

        commands.send(command);
        CreateShipment resent = create(command.orderId(), BERLIN);
        commands.send(resent);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(command.messageId(), 2), ShipmentFailed.class);
        assertThat(replies.awaitReplyTo(resent.messageId())).usingRecursiveComparison()
                .ignoringFields("messageId", "inReplyTo").isEqualTo(replies.repliesTo(command.messageId()).get(0));
        assertThat(carrier.callsFor(command.orderId())).isOne();
        assertThat(status(command.orderId())).isEqualTo("REFUSED");
        assertThat(shipmentsOf(command.orderId())).isEmpty();

        // the saga's compensation finds nothing to cancel, and the refusal stays
        CancelShipment cancel = new CancelShipment(UUID.randomUUID(), command.orderId());
        commands.send(cancel);
        assertThat(replies.awaitReplyTo(cancel.messageId())).isInstanceOf(ShipmentCancelled.class);
        assertThat(status(command.orderId())).isEqualTo("REFUSED");
        assertThat(effects(command.orderId())).containsExactly("shipping.refused");
    }

    @Test
    void cancelsOnceAndAnswersTwiceWhenCancelShipmentIsDeliveredTwice() {
        UUID orderId = UUID.randomUUID();
        CreateShipment create = create(orderId, BERLIN);
        commands.send(create);
        replies.awaitReplyTo(create.messageId());
        CancelShipment cancel = new CancelShipment(UUID.randomUUID(), orderId);

        commands.send(cancel);
        commands.send(cancel);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(cancel.messageId(), 2), ShipmentCancelled.class);
        JsonNode shipments = shipmentsOf(orderId);
        assertThat(shipments).hasSize(1);
        assertThat(shipments.get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(rows(orderId)).isOne();
        assertThat(effects(orderId)).containsExactly("shipping.created", "shipping.cancelled");
    }

    @Test
    void recordsACancelWithoutShipmentAndRefusesTheLateCreateShipment() {
        UUID orderId = UUID.randomUUID();
        CancelShipment cancel = new CancelShipment(UUID.randomUUID(), orderId);

        commands.send(cancel);
        assertThat(replies.awaitReplyTo(cancel.messageId())).isInstanceOf(ShipmentCancelled.class);

        CreateShipment late = create(orderId, BERLIN);
        commands.send(late);

        assertThat(replies.awaitReplyTo(late.messageId())).isInstanceOf(ShipmentFailed.class);
        // the tombstone is the only row, and no shipment to list
        assertThat(rows(orderId)).isOne();
        assertThat(jdbc.sql("SELECT status FROM shipments WHERE order_id = ?").param(orderId).query(String.class).single())
                .isEqualTo("CANCELLED");
        assertThat(shipmentsOf(orderId)).isEmpty();
        // the tombstone cancelled nothing, and the late command was answered from it
        assertThat(effects(orderId)).isEmpty();
    }

    /** FieldLimits: the longest address an order may carry, in letters beyond ASCII, stored as it came. */
    @Test
    void createsAShipmentToAnAddressWithEveryFieldAtItsLimit() {
        ShippingAddress atLimits = new ShippingAddress(
                "Åsa Ørsted-Çelik Σοφία 小林 ".repeat(10).substring(0, FieldLimits.NAME_MAX),
                "Straße der Einheit ".repeat(11).substring(0, FieldLimits.STREET_MAX),
                "Łódź ".repeat(20).substring(0, FieldLimits.CITY_MAX - 1) + "Ł",
                "PC-" + "9".repeat(FieldLimits.POSTAL_CODE_MAX - 3), "DE");
        CreateShipment command = create(UUID.randomUUID(), atLimits);

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(ShipmentCreated.class);
        JsonNode shipment = shipmentsOf(command.orderId()).get(0);
        assertThat(List.of("name", "street", "city", "postalCode", "country"))
                .extracting(field -> shipment.get(field).asText())
                .containsExactly(atLimits.name(), atLimits.street(), atLimits.city(), atLimits.postalCode(), "DE");
    }

    @Test
    void createsTheShipmentAfterThreeAttemptsWhenTheCarrierFailsTwice() {
        CreateShipment command = create(UUID.randomUUID(), BERLIN);
        carrier.failNext(command.orderId(), 2, 503);

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(ShipmentCreated.class);
        assertThat(carrier.callsFor(command.orderId())).isEqualTo(3);
        assertThat(rows(command.orderId())).isOne();
    }

    @Test
    void doesNotRetryTheCarriersRefusal() {
        CreateShipment command = create(UUID.randomUUID(), BERLIN);
        carrier.alwaysAnswer(command.orderId(), 422);

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(ShipmentFailed.class);
        assertThat(((ShipmentFailed) reply).why()).isEqualTo("the carrier refused the shipment");
        assertThat(carrier.callsFor(command.orderId())).isEqualTo(1);
        // the refusal is the order's row: a redelivery is answered from it, without the carrier
        assertThat(rows(command.orderId())).isOne();
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void sendsNoReplyAndCreatesNothingWhileTheCarrierIsDownAndOpensTheBreaker() {
        CreateShipment command = create(UUID.randomUUID(), BERLIN);

        // dead-lettered, and the breaker opened on exactly the failed calls: SagaCommands asserts both
        commands.sendWhileTheThirdPartyIsDown(command, carrier, breaker());

        assertThat(replies.repliesTo(command.messageId())).isEmpty();
        assertThat(rows(command.orderId())).isZero();

        // while open, postal code 00000 is still refused as business, without the carrier
        CreateShipment undeliverable = create(UUID.randomUUID(), UNDELIVERABLE);
        commands.send(undeliverable);
        assertThat(replies.awaitReplyTo(undeliverable.messageId())).isInstanceOf(ShipmentFailed.class);
        assertThat(carrier.callsFor(undeliverable.orderId())).isZero();
    }

    /** A CreateShipment without its address breaks the contract: a bug upstream, never a refusal. */
    @Test
    void deadLettersACreateShipmentWithoutAddressAndAnswersNothing() {
        CreateShipment malformed = create(UUID.randomUUID(), null);

        commands.send(malformed);
        commands.awaitDeadLettered(malformed);

        assertThat(replies.repliesTo(malformed.messageId())).isEmpty();
        assertThat(rows(malformed.orderId())).isZero();
        assertThat(carrier.callsFor(malformed.orderId())).isZero();
    }

    @Test
    void quotesTheFlatRateOfEveryDestination() {
        Map<String, String> rates = Map.of("US", "9.99", "CA", "9.99", "GB", "7.99", "DE", "4.99", "FR", "5.99",
                "NL", "4.99", "JP", "14.99");

        rates.forEach((country, rate) -> assertThat(quote(country).getBody())
                .isEqualTo("{\"country\":\"" + country + "\",\"cost\":" + rate + "}"));
    }

    @Test
    void answersAQuoteForAnUnsupportedCountryWithProblemJson422() {
        ResponseEntity<String> response = quote("XX");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<String> quote(String country) {
        return http.postForEntity("/api/shipping/quotes", Map.of("country", country, "postalCode", "12345",
                "items", List.of(Map.of("sku", "KEYBOARD-01", "quantity", 2))), String.class);
    }

    private static CreateShipment create(UUID orderId, ShippingAddress address) {
        return new CreateShipment(UUID.randomUUID(), orderId, address);
    }

    private JsonNode shipmentsOf(UUID orderId) {
        return http.getForObject("/api/shipments?orderId=" + orderId, JsonNode.class);
    }

    private String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM shipments WHERE order_id = ?").param(orderId).query(String.class).single();
    }

    private List<String> effects(UUID orderId) {
        return jdbc.sql("SELECT effect FROM causal_effects WHERE order_id = ? ORDER BY id").param(orderId)
                .query(String.class).list();
    }

    private CircuitBreaker breaker() {
        return circuitBreakers.circuitBreaker(CarrierClient.REMOTE);
    }

    private long rows(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM shipments WHERE order_id = ?").param(orderId).query(Long.class).single();
    }
}
