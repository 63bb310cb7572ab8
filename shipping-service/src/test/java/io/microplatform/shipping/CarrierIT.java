package io.microplatform.shipping;

import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.microplatform.contracts.ShippingAddress;
import io.microplatform.contracts.ShippingMessages.CreateShipment;
import io.microplatform.contracts.ShippingMessages.ShipmentCreated;
import io.microplatform.contracts.ShippingMessages.ShipmentFailed;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import io.microplatform.shipping.client.CarrierClient;
import io.microplatform.shipping.client.CarrierRejectedException;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import io.microplatform.testsupport.SagaCommands;
import io.microplatform.testsupport.SagaReplies;
import io.microplatform.testsupport.ThirdPartyClientContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carrier's client as every third party's (ThirdPartyClientContract), and CreateShipment with the carrier
 * failing, over real HTTP: the carrier is the simulated one this service hosts, behind {@link ScriptedCarrier}, which
 * makes it fail for one order at a time. Real Kafka, real PostgreSQL, real resilience4j.
 */
// the same configuration as the other ITs, so all share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedCarrier.class)
class CarrierIT extends ThirdPartyClientContract {

    private static final ShippingAddress BERLIN = new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE");

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private CarrierClient client;

    @RegisterExtension
    final SagaReplies replies = SagaReplies.eachTest();
    @RegisterExtension
    final SagaCommands commands = SagaCommands.eachTest(Topics.SHIPPING_COMMANDS);

    CarrierIT() {
        super(CarrierClient.REMOTE);
    }

    @Override
    protected String callFor(UUID orderId) {
        return client.book(orderId, "10115", "DE");
    }

    @Override
    protected boolean isBusinessAnswer(RuntimeException rejection) {
        return rejection instanceof CarrierRejectedException rejected && rejected.isRefusal();
    }

    @Test
    void theSimulatedCarrierBooksWithItsOwnTrackingNumbersAndRefusesAMalformedBooking() {
        assertThat(callFor(UUID.randomUUID())).startsWith("SIMDE");
        assertThat(http.postForEntity("/simulated/carrier/bookings", Map.of("country", "DE"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void createsTheShipmentAfterThreeAttemptsWhenTheCarrierFailsTwice() {
        CreateShipment command = create(BERLIN);
        thirdParty.failNext(command.orderId(), 2, 503);

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(ShipmentCreated.class);
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(3);
        assertThat(rows(command.orderId())).isOne();
    }

    @Test
    void doesNotRetryTheCarriersRefusal() {
        CreateShipment command = create(BERLIN);
        thirdParty.alwaysAnswer(command.orderId(), 422);

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(ShipmentFailed.class);
        assertThat(((ShipmentFailed) reply).why()).isEqualTo("the carrier refused the shipment");
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(1);
        // the refusal is the order's row: a redelivery is answered from it, without the carrier
        assertThat(rows(command.orderId())).isOne();
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void sendsNoReplyAndCreatesNothingWhileTheCarrierIsDownAndOpensTheBreaker() {
        CreateShipment command = create(BERLIN);
        thirdParty.alwaysAnswer(command.orderId(), 500);

        commands.send(command);

        // retried by resilience4j, then by the Kafka consumer, then dead-lettered
        commands.awaitDeadLettered(command);
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // 5 failed calls opened the breaker (minimum-number-of-calls); later attempts never reached the carrier
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(5);
        assertThat(breaker().getMetrics().getNumberOfNotPermittedCalls()).isPositive();
        assertThat(replies.repliesTo(command.messageId())).isEmpty();
        assertThat(rows(command.orderId())).isZero();

        // while open, postal code 00000 is still refused as business, without the carrier
        CreateShipment undeliverable = create(new ShippingAddress("Ada", "1 Main St", "Berlin", "00000", "DE"));
        commands.send(undeliverable);
        assertThat(replies.awaitReplyTo(undeliverable.messageId())).isInstanceOf(ShipmentFailed.class);
        assertThat(thirdParty.callsFor(undeliverable.orderId())).isZero();
    }

    private static CreateShipment create(ShippingAddress address) {
        return new CreateShipment(UUID.randomUUID(), UUID.randomUUID(), address);
    }

    private long rows(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM shipments WHERE order_id = ?").param(orderId).query(Long.class).single();
    }

}
