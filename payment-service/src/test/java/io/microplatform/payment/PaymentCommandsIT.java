package io.microplatform.payment;

import io.microplatform.testsupport.SagaCommands;
import io.microplatform.testsupport.SagaReplies;
import io.microplatform.testsupport.ScriptedThirdParty;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.microplatform.contracts.FieldLimits;
import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.PaymentMessages.PaymentCharged;
import io.microplatform.contracts.PaymentMessages.PaymentDeclined;
import io.microplatform.contracts.PaymentMessages.PaymentRefunded;
import io.microplatform.contracts.PaymentMessages.RefundPayment;
import io.microplatform.contracts.Reply;
import io.microplatform.contracts.Topics;
import io.microplatform.payment.client.PaymentProviderClient;
import io.microplatform.testsupport.ClosedBreakers;
import io.microplatform.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payment as a saga participant: the test plays the orchestrator, sending commands to payment-commands and reading
 * the answers from saga-replies, against real PostgreSQL and Kafka; with the payment provider answering or failing
 * for one order at a time (ScriptedPaymentProvider), through the client's real resilience4j.
 */
// the same configuration as PaymentServiceIT, so both share one application context
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@EmbeddedInfrastructure
@Import(ScriptedPaymentProvider.class)
// some tests open the provider's breaker: every test, here and in the other ITs of the context, starts closed
@ExtendWith(ClosedBreakers.class)
class PaymentCommandsIT {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ScriptedThirdParty provider;

    @Autowired
    private CircuitBreakerRegistry circuitBreakers;

    @RegisterExtension
    final SagaReplies replies = SagaReplies.eachTest();
    @RegisterExtension
    final SagaCommands commands = SagaCommands.eachTest(Topics.PAYMENT_COMMANDS);

    @Test
    void chargesWhenTheBalanceCoversTheAmount() {
        ChargePayment command = chargeToANewAccount("100.00", "60.00");

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(PaymentCharged.class)
                .extracting(Reply::orderId).isEqualTo(command.orderId());
        assertThat(balance(command.customerId())).isEqualTo("40.00");
        JsonNode payments = paymentsOf(command.orderId());
        assertThat(payments).hasSize(1);
        assertThat(payments.get(0).get("orderId").asText()).isEqualTo(command.orderId().toString());
        assertThat(payments.get(0).get("customerId").asText()).isEqualTo(command.customerId());
        assertThat(payments.get(0).get("type").asText()).isEqualTo("CHARGE");
        assertThat(payments.get(0).get("amount").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(payments.get(0).get("createdAt").isTextual()).isTrue();
    }

    @Test
    void declinesWhenTheBalanceIsShortAndDebitsNothing() {
        ChargePayment command = chargeToANewAccount("10.00", "60.00");

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(PaymentDeclined.class);
        assertThat(((PaymentDeclined) reply).why()).isEqualTo("insufficient balance");
        assertThat(balance(command.customerId())).isEqualTo("10.00");
        assertThat(paymentsOf(command.orderId())).isEmpty();
        // a charge the balance cannot cover is declined without asking the payment provider
        assertThat(provider.callsFor(command.orderId())).isZero();
    }

    @Test
    void declinesAnUnknownCustomer() {
        ChargePayment command = charge(UUID.randomUUID(), "it-nobody-" + UUID.randomUUID(), "1.00");

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(PaymentDeclined.class);
        assertThat(((PaymentDeclined) reply).why()).isEqualTo("unknown customer");
        assertThat(paymentsOf(command.orderId())).isEmpty();
    }

    @Test
    void chargesOnceAndAnswersTwiceWhenChargePaymentIsDeliveredTwice() {
        ChargePayment command = chargeToANewAccount("100.00", "60.00");

        commands.send(command);
        commands.send(command);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(command.messageId(), 2), PaymentCharged.class);
        assertThat(balance(command.customerId())).isEqualTo("40.00");
        assertThat(paymentsOf(command.orderId())).hasSize(1);
        assertThat(effects(command.orderId())).containsExactly("payment.charged");
        // the redelivery is answered from the stored charge: the payment provider was asked once
        assertThat(provider.callsFor(command.orderId())).isEqualTo(1);
    }

    @Test
    void answersARedeliveredDeclineAsTheFirstTimeAlthoughTheBalanceGrewSince() {
        ChargePayment command = chargeToANewAccount("10.00", "60.00");
        commands.send(command);
        replies.awaitReplyTo(command.messageId());

        jdbc.sql("UPDATE accounts SET balance = 100.00 WHERE customer_id = ?").param(command.customerId()).update();
        commands.send(command);
        // another command for the same order under another message id: no id register would know it, the order's
        // one payment record does (the orchestrator's own re-sends keep the message id)
        ChargePayment resent =
                new ChargePayment(UUID.randomUUID(), command.orderId(), command.customerId(), command.amount());
        commands.send(resent);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(command.messageId(), 2), PaymentDeclined.class);
        assertThat(replies.awaitReplyTo(resent.messageId())).isInstanceOf(PaymentDeclined.class);
        assertThat(balance(command.customerId())).isEqualTo("100.00");
        assertThat(paymentsOf(command.orderId())).isEmpty();
        // one decision, answered three times
        assertThat(effects(command.orderId())).containsExactly("payment.declined");
    }

    @Test
    void refundsOnceAndAnswersTwiceWhenRefundPaymentIsDeliveredTwice() {
        String customer = account("100.00");
        UUID orderId = UUID.randomUUID();
        ChargePayment charge = charge(orderId, customer, "60.00");
        commands.send(charge);
        replies.awaitReplyTo(charge.messageId());
        RefundPayment refund = new RefundPayment(UUID.randomUUID(), orderId);

        commands.send(refund);
        commands.send(refund);

        SagaReplies.assertIdentical(replies.awaitRepliesTo(refund.messageId(), 2), PaymentRefunded.class);
        assertThat(balance(customer)).isEqualTo("100.00");
        JsonNode payments = paymentsOf(orderId);
        assertThat(payments).extracting(payment -> payment.get("type").asText()).containsExactly("CHARGE", "REFUND");
        assertThat(payments).extracting(payment -> payment.get("amount").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsOnly(new BigDecimal("60.00"));
        assertThat(effects(orderId)).containsExactly("payment.charged", "payment.refunded");
    }

    @Test
    void recordsARefundWithoutChargeAndDeclinesTheLateChargePayment() {
        String customer = account("100.00");
        UUID orderId = UUID.randomUUID();
        RefundPayment refund = new RefundPayment(UUID.randomUUID(), orderId);

        commands.send(refund);
        assertThat(replies.awaitReplyTo(refund.messageId())).isInstanceOf(PaymentRefunded.class);
        assertThat(status(orderId)).isEqualTo("CANCELLED");

        ChargePayment late = charge(orderId, customer, "60.00");
        commands.send(late);

        assertThat(replies.awaitReplyTo(late.messageId())).isInstanceOf(PaymentDeclined.class);
        assertThat(balance(customer)).isEqualTo("100.00");
        assertThat(paymentsOf(orderId)).isEmpty();
        assertThat(status(orderId)).isEqualTo("CANCELLED");
        // the tombstone credited nothing, and the late command was answered from it
        assertThat(effects(orderId)).isEmpty();
    }

    @Test
    void chargesAfterThreeAttemptsWhenTheProviderFailsTwice() {
        ChargePayment command = chargeToANewAccount("100.00", "60.00");
        provider.failNext(command.orderId(), 2, 500);

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(PaymentCharged.class);
        assertThat(provider.callsFor(command.orderId())).isEqualTo(3);
        assertThat(balance(command.customerId())).isEqualTo("40.00");
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void doesNotRetryTheProvidersDeclineAndDebitsNothing() {
        ChargePayment command = chargeToANewAccount("100.00", "60.00");
        provider.alwaysAnswer(command.orderId(), 422);

        commands.send(command);

        Reply reply = replies.awaitReplyTo(command.messageId());
        assertThat(reply).isInstanceOf(PaymentDeclined.class);
        assertThat(((PaymentDeclined) reply).why()).isEqualTo("declined by the payment provider");
        assertThat(provider.callsFor(command.orderId())).isEqualTo(1);
        assertThat(balance(command.customerId())).isEqualTo("100.00");

        // a redelivery is answered from the stored decline, without asking the provider again
        commands.send(command);
        assertThat(replies.awaitRepliesTo(command.messageId(), 2)).allSatisfy(
                answer -> assertThat(answer).isInstanceOf(PaymentDeclined.class));
        assertThat(provider.callsFor(command.orderId())).isEqualTo(1);
        // 4xx answers are ignored by the breaker: neither failures nor successes
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void retriesA400OnlyThroughKafkaDeliveriesNotInsideOne() {
        ChargePayment command = chargeToANewAccount("100.00", "60.00");
        provider.alwaysAnswer(command.orderId(), 400);

        commands.send(command);

        // the first delivery and messaging's 3 retries, one call each: resilience4j did not retry the 4xx
        commands.awaitDeadLettered(command);
        assertThat(provider.callsFor(command.orderId())).isEqualTo(4);
        assertThat(replies.repliesTo(command.messageId())).isEmpty();
        assertThat(balance(command.customerId())).isEqualTo("100.00");
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void sendsNoReplyAndDebitsNothingWhileTheProviderIsDownAndOpensTheBreaker() {
        ChargePayment command = chargeToANewAccount("100.00", "60.00");

        // dead-lettered, and the breaker opened on exactly the failed calls: SagaCommands asserts both
        commands.sendWhileTheThirdPartyIsDown(command, provider, breaker());

        assertThat(replies.repliesTo(command.messageId())).isEmpty();
        assertThat(balance(command.customerId())).isEqualTo("100.00");
        assertThat(paymentsOf(command.orderId())).isEmpty();
        assertThat(status(command.orderId())).isNull();

        // while open, another order's charge fails fast without touching the network
        ChargePayment next = charge(UUID.randomUUID(), command.customerId(), "1.00");
        commands.send(next);
        commands.awaitDeadLettered(next);
        assertThat(provider.callsFor(next.orderId())).isZero();
        assertThat(replies.repliesTo(next.messageId())).isEmpty();
    }

    /** FieldLimits: the longest customer id, charged and declined; the amount as large as the columns hold. */
    @Test
    void chargesAndDeclinesACustomerIdAtItsLengthLimit() {
        String customer = account("it-" + UUID.randomUUID() + "-" + "c".repeat(FieldLimits.CUSTOMER_ID_MAX - 40),
                "9999999999.99");
        assertThat(customer).hasSize(FieldLimits.CUSTOMER_ID_MAX);
        ChargePayment command = charge(UUID.randomUUID(), customer, "9999999999.99");

        commands.send(command);

        assertThat(replies.awaitReplyTo(command.messageId())).isInstanceOf(PaymentCharged.class);
        assertThat(balance(customer)).isEqualTo("0.00");
        assertThat(paymentsOf(command.orderId()).get(0).get("customerId").asText()).isEqualTo(customer);

        ChargePayment unknown = charge(UUID.randomUUID(), "it-nobody-" + UUID.randomUUID() + "-"
                + "n".repeat(FieldLimits.CUSTOMER_ID_MAX - 47), "1.00");
        assertThat(unknown.customerId()).hasSize(FieldLimits.CUSTOMER_ID_MAX);
        commands.send(unknown);

        assertThat(replies.awaitReplyTo(unknown.messageId())).isInstanceOf(PaymentDeclined.class);
        assertThat(status(unknown.orderId())).isEqualTo("DECLINED");
    }

    /** A negative amount, a third decimal, no customer, a customer id too long: a bug upstream, never a decline. */
    @Test
    void deadLettersAChargePaymentThatBreaksTheFieldContractWithoutAskingTheProvider() {
        String customer = account("100.00");
        List<ChargePayment> malformed = List.of(
                charge(UUID.randomUUID(), customer, "-1.00"),
                charge(UUID.randomUUID(), customer, "1.001"),
                new ChargePayment(UUID.randomUUID(), UUID.randomUUID(), null, new BigDecimal("1.00")),
                charge(UUID.randomUUID(), "c".repeat(FieldLimits.CUSTOMER_ID_MAX + 1), "1.00"));

        malformed.forEach(commands::send);
        commands.awaitDeadLettered(malformed);

        assertThat(malformed).allSatisfy(command -> {
            assertThat(replies.repliesTo(command.messageId())).isEmpty();
            assertThat(provider.callsFor(command.orderId())).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM order_payments WHERE order_id = ?").param(command.orderId())
                    .query(Long.class).single()).isZero();
        });
        assertThat(balance(customer)).isEqualTo("100.00");
    }

    @Test
    void neverTakesBobsBalanceBelowZeroUnderConcurrentCharges() throws Exception {
        assertThat(balance("bob")).isEqualTo("50.00");
        double failedBefore = commands.failedDeliveries();
        List<ChargePayment> charges = IntStream.range(0, 10)
                .mapToObj(i -> charge(UUID.randomUUID(), "bob", "20.00"))
                .toList();

        // all at once, keyed by order: spread over the partitions, so the listener's threads race for bob's row
        assertThat(commands.sendAllAtOnce(charges)).as("partitions").hasSizeGreaterThan(1);

        List<Reply> answers = replies.awaitAReplyToEach(charges.stream().map(ChargePayment::messageId).toList());
        assertThat(answers).filteredOn(PaymentCharged.class::isInstance).hasSize(2);
        assertThat(answers).filteredOn(PaymentDeclined.class::isInstance).hasSize(8);
        assertThat(balance("bob")).isEqualTo("10.00");

        // compensating all ten gives back exactly the two charges (and restores the demo balance)
        List<RefundPayment> refunds = charges.stream()
                .map(charge -> new RefundPayment(UUID.randomUUID(), charge.orderId()))
                .toList();
        refunds.forEach(commands::sendAsync);
        assertThat(replies.awaitAReplyToEach(refunds.stream().map(RefundPayment::messageId).toList()))
                .allSatisfy(reply -> assertThat(reply).isInstanceOf(PaymentRefunded.class));
        assertThat(balance("bob")).isEqualTo("50.00");
        // no delivery failed and was retried: the row lock kept the charges apart, not the CHECK (balance >= 0)
        assertThat(commands.listenerTimers()).isNotEmpty();
        assertThat(commands.failedDeliveries()).isEqualTo(failedBefore);
    }


    private static ChargePayment charge(UUID orderId, String customerId, String amount) {
        return new ChargePayment(UUID.randomUUID(), orderId, customerId, new BigDecimal(amount));
    }

    /** A charge for a new order, to a new account holding balance. */
    private ChargePayment chargeToANewAccount(String balance, String amount) {
        return charge(UUID.randomUUID(), account(balance), amount);
    }

    private String account(String balance) {
        return account("it-" + UUID.randomUUID(), balance);
    }

    private String account(String customerId, String balance) {
        jdbc.sql("INSERT INTO accounts (customer_id, balance) VALUES (?, ?)")
                .params(customerId, new BigDecimal(balance))
                .update();
        return customerId;
    }

    /** Through the public endpoint, the JSON number as written (2 decimals; JsonNode would read it as a double). */
    private String balance(String customerId) {
        String account = http.getForObject("/api/payments/accounts/" + customerId, String.class);
        Matcher balance = Pattern.compile("\"balance\":([-0-9.]+)").matcher(account);
        assertThat(balance.find()).as(account).isTrue();
        return balance.group(1);
    }

    private JsonNode paymentsOf(UUID orderId) {
        return http.getForObject("/api/payments?orderId=" + orderId, JsonNode.class);
    }

    private List<String> effects(UUID orderId) {
        return jdbc.sql("SELECT effect FROM causal_effects WHERE order_id = ? ORDER BY id").param(orderId)
                .query(String.class).list();
    }

    /** The order's payment record's status; null while there is none. */
    private String status(UUID orderId) {
        return jdbc.sql("SELECT status FROM order_payments WHERE order_id = ?").param(orderId).query(String.class)
                .optional().orElse(null);
    }

    private CircuitBreaker breaker() {
        return circuitBreakers.circuitBreaker(PaymentProviderClient.REMOTE);
    }
}
