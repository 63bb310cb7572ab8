package io.microplatform.messaging;

import java.util.function.Function;
import java.util.function.Supplier;

import io.microplatform.contracts.Reply;

import org.springframework.transaction.support.TransactionOperations;

/**
 * How a participant that must ask a third party (a payment provider, a carrier) before it can decide answers the
 * orchestrator's commands. Not one transaction from the start: the third party is asked first, outside any
 * transaction, so that a slow one holds no database connection and no row lock. Only then one transaction stores the
 * decision and sends the reply ({@link CommandReplies}, through the outbox): they commit together or not at all. If
 * the third party cannot be asked (down, breaker open), asking throws before anything is written or answered: the
 * delivery is retried and then dead-lettered, and the orchestrator's deadline turns the silence into a TIMED_OUT
 * compensation. A third party's refusal is business, and answered.
 *
 * @param transactions the service's transactions, the ones its application service's @Transactional joins
 */
public record CommandAnswers(CommandReplies replies, TransactionOperations transactions) {

    /**
     * @param ask asks the third party, outside any transaction; throws when it could not be asked
     * @param decide given the third party's answer, stores the decision and returns the reply that tells it, in the
     *        transaction that sends the reply
     */
    public <A> void afterAsking(Supplier<A> ask, Function<A, ? extends Reply> decide) {
        A answer = ask.get();
        transactions.executeWithoutResult(status -> replies.send(decide.apply(answer)));
    }

    /** Sends the reply in the caller's transaction: for a command that needs no third party, see CommandReplies. */
    public void send(Reply reply) {
        replies.send(reply);
    }
}
