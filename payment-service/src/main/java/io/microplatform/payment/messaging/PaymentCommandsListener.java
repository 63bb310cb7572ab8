package io.microplatform.payment.messaging;

import java.util.UUID;

import io.microplatform.contracts.PaymentMessages.ChargePayment;
import io.microplatform.contracts.PaymentMessages.PaymentCharged;
import io.microplatform.contracts.PaymentMessages.PaymentDeclined;
import io.microplatform.contracts.PaymentMessages.PaymentRefunded;
import io.microplatform.contracts.PaymentMessages.RefundPayment;
import io.microplatform.contracts.Topics;
import io.microplatform.messaging.CommandAnswers;
import io.microplatform.messaging.CommandReplies;
import io.microplatform.payment.PaymentManagement;
import io.microplatform.payment.domain.ChargeOutcome;
import io.microplatform.payment.domain.ChargeOutcome.Declined;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orchestrator's commands to payment. In each handler one transaction holds effect and reply (through the
 * outbox): they commit together or not at all; PaymentManagement finds a redelivery by the order's one payment
 * record. Every delivery is answered, a redelivery too: the reply the first delivery sent may be the message that
 * got lost. An exception means a technical failure: the record is retried and then dead-lettered, never answered with
 * a failure reply. A command that breaks its contract (ChargePayment.violations(): a customer id that is no
 * identifier, a negative amount or one with more than 2 decimals) never gets here: messaging-support dead-letters it
 * as it reads it, before the payment provider could be asked, and it is never declined.
 */
@Component
@KafkaListener(topics = Topics.PAYMENT_COMMANDS)
class PaymentCommandsListener {

    private final PaymentManagement payments;
    private final CommandAnswers answers;

    PaymentCommandsListener(PaymentManagement payments, CommandReplies replies, TransactionTemplate transactions) {
        this.payments = payments;
        this.answers = new CommandAnswers(replies, transactions);
    }

    /**
     * The payment provider is asked first, outside any transaction (CommandAnswers), so that a slow provider holds no
     * database connection and no account row lock; then one transaction debits (or declines) and sends the
     * reply. A provider's decline is business and answered PaymentDeclined.
     */
    @KafkaHandler
    public void charge(ChargePayment command) {
        answers.afterAsking(() -> payments.authorize(command.orderId(), command.customerId(), command.amount()),
                providerDecline -> {
                    ChargeOutcome outcome = payments.charge(command.orderId(), command.customerId(), command.amount(),
                            providerDecline);
                    return outcome instanceof Declined declined
                            ? new PaymentDeclined(UUID.randomUUID(), command.orderId(), command.messageId(),
                                    declined.reason())
                            : new PaymentCharged(UUID.randomUUID(), command.orderId(), command.messageId());
                });
    }

    @KafkaHandler
    @Transactional
    public void refund(RefundPayment command) {
        payments.refund(command.orderId());
        answers.send(new PaymentRefunded(UUID.randomUUID(), command.orderId(), command.messageId()));
    }
}
