package io.microplatform.payment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.PaymentMessages.PaymentCharged;
import io.microplatform.contracts.PaymentMessages.PaymentDeclined;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import io.microplatform.payment.client.PaymentProviderClient;
import io.microplatform.payment.client.PaymentProviderRejectedException;
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
 * The payment provider's client as every third party's (ThirdPartyClientContract), and ChargePayment with the
 * provider failing, over real HTTP: the provider is the simulated one this service hosts, behind
 * {@link ScriptedPaymentProvider}, which makes it fail for one order at a time. Real Kafka, real PostgreSQL, real
 * resilience4j.
 */
// the same configuration as the other ITs, so all share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedPaymentProvider.class)
class PaymentProviderIT extends ThirdPartyClientContract {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PaymentProviderClient client;

    @RegisterExtension
    final SagaReplies replies = SagaReplies.eachTest();
    @RegisterExtension
    final SagaCommands commands = SagaCommands.eachTest(Topics.PAYMENT_COMMANDS);

    PaymentProviderIT() {
        super(PaymentProviderClient.REMOTE);
    }

    @Override
    protected String callFor(UUID orderId) {
        return client.authorize(orderId, "alice", new BigDecimal("10.00"));
    }

    @Override
    protected boolean isBusinessAnswer(RuntimeException rejection) {
        return rejection instanceof PaymentProviderRejectedException rejected && rejected.isDecline();
    }

    @Test
    void theSimulatedProviderAuthorizesWithItsOwnIdsAndRefusesAMalformedCharge() {
        assertThat(callFor(UUID.randomUUID())).startsWith("auth-");
        assertThat(http.postForEntity("/simulated/payment-provider/charges", Map.of("customerId", "alice"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void chargesAfterThreeAttemptsWhenTheProviderFailsTwice() {
        String customer = account("100.00");
        ChargePayment command = charge(customer, "60.00");
        thirdParty.failNext(command.orderId(), 2, 500);

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(PaymentCharged.class);
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(3);
        assertThat(balance(customer)).isEqualTo("40.00");
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void doesNotRetryTheProvidersDeclineAndDebitsNothing() {
        String customer = account("100.00");
        ChargePayment command = charge(customer, "60.00");
        thirdParty.alwaysAnswer(command.orderId(), 422);

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(PaymentDeclined.class);
        assertThat(((PaymentDeclined) reply).why()).isEqualTo("declined by the payment provider");
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(1);
        assertThat(balance(customer)).isEqualTo("100.00");

        // a redelivery is answered from the stored decline, without asking the provider again
        commands.send(command);
        assertThat(replies.awaitRepliesTo(command.messageId(), 2)).allSatisfy(
                answer -> assertThat(answer).isInstanceOf(PaymentDeclined.class));
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(1);
        // 4xx answers are ignored by the breaker: neither failures nor successes
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void retriesA400OnlyThroughKafkaDeliveriesNotInsideOne() {
        String customer = account("100.00");
        ChargePayment command = charge(customer, "60.00");
        thirdParty.alwaysAnswer(command.orderId(), 400);

        commands.send(command);

        // the first delivery and messaging's 3 retries, one call each: resilience4j did not retry the 4xx
        commands.awaitDeadLettered(command);
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(4);
        assertThat(replies.repliesTo(command.messageId())).isEmpty();
        assertThat(balance(customer)).isEqualTo("100.00");
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void sendsNoReplyAndDebitsNothingWhileTheProviderIsDownAndOpensTheBreaker() {
        String customer = account("100.00");
        ChargePayment command = charge(customer, "60.00");
        thirdParty.alwaysAnswer(command.orderId(), 500);

        commands.send(command);

        // retried by resilience4j, then by the Kafka consumer, then dead-lettered
        commands.awaitDeadLettered(command);
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // 5 failed calls opened the breaker (minimum-number-of-calls); later attempts never reached the provider
        assertThat(thirdParty.callsFor(command.orderId())).isEqualTo(5);
        assertThat(breaker().getMetrics().getNumberOfNotPermittedCalls()).isPositive();
        assertThat(replies.repliesTo(command.messageId())).isEmpty();
        assertThat(balance(customer)).isEqualTo("100.00");
        assertThat(paymentsOf(command.orderId())).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM order_payments WHERE order_id = ?").param(command.orderId())
                .query(Long.class).single()).isZero();

        // while open, another order's charge fails fast without touching the network
        ChargePayment next = charge(customer, "1.00");
        commands.send(next);
        commands.awaitDeadLettered(next);
        assertThat(thirdParty.callsFor(next.orderId())).isZero();
        assertThat(replies.repliesTo(next.messageId())).isEmpty();
    }

    private static ChargePayment charge(String customerId, String amount) {
        return new ChargePayment(UUID.randomUUID(), UUID.randomUUID(), customerId, new BigDecimal(amount));
    }

    private String account(String balance) {
        String customerId = "it-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO accounts (customer_id, balance) VALUES (?, ?)")
                .params(customerId, new BigDecimal(balance))
                .update();
        return customerId;
    }

    private String balance(String customerId) {
        String account = http.getForObject("/api/payments/accounts/" + customerId, String.class);
        Matcher balance = Pattern.compile("\"balance\":([-0-9.]+)").matcher(account);
        assertThat(balance.find()).as(account).isTrue();
        return balance.group(1);
    }

    private JsonNode paymentsOf(UUID orderId) {
        return http.getForObject("/api/payments?orderId=" + orderId, JsonNode.class);
    }

}
