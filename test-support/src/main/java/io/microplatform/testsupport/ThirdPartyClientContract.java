package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.UUID;
import java.util.stream.IntStream;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every client of a third party promises (service-support's ThirdPartyClient behind the payment provider's and
 * the carrier's client): one answer per order id, technical failures retried through the breaker, a 4xx neither
 * retried nor counted, an open breaker and a full bulkhead rejecting without touching the network. Asserted from what
 * reached the third party ({@link ScriptedThirdParty}, in front of the service's simulated one) and from the state and
 * metrics of the resilience4j instances, with the service's own application.yml. A service's IT of its third party
 * (a {@code @SpringBootTest} on a random port with its ScriptedThirdParty bean) extends it.
 */
// the other tests in the application context need closed breakers, whatever a test did to them
@ExtendWith(ClosedBreakers.class)
public abstract class ThirdPartyClientContract {

    /**
     * The simulated third party the service hosts: the route it takes the client's calls on, a request to it that it
     * takes, one that a real third party would refuse as malformed, and how the references it gives begin.
     */
    public record Simulated(String route, Object wellFormedRequest, Object malformedRequest, String referencePrefix) {
    }

    private final String remote;
    private final Simulated simulated;

    @Autowired
    protected ScriptedThirdParty thirdParty;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private CircuitBreakerRegistry circuitBreakers;
    @Autowired
    private RetryRegistry retries;
    @Autowired
    private BulkheadRegistry bulkheads;

    /** @param remote the name of the client's circuit breaker, bulkhead and retry */
    protected ThirdPartyClientContract(String remote, Simulated simulated) {
        this.remote = remote;
        this.simulated = simulated;
    }

    /** The client's one operation for this order: the reference the third party gave (authorization, tracking). */
    protected abstract String callFor(UUID orderId);

    /** Whether the service reads the exception its client threw for a 4xx as the third party's business answer. */
    protected abstract boolean isBusinessAnswer(RuntimeException rejection);

    protected final CircuitBreaker breaker() {
        return circuitBreakers.circuitBreaker(remote);
    }

    /** The stand-in the service runs with locally behaves like the real one where the client relies on it. */
    @Test
    void theSimulatedThirdPartyGivesItsOwnReferencesAndRefusesAMalformedRequest() {
        assertThat(callFor(UUID.randomUUID())).startsWith(simulated.referencePrefix());
        assertThat(post(simulated.malformedRequest(), "malformed-1").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(simulated.wellFormedRequest(), "well-formed-1").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(simulated.wellFormedRequest(), null).getStatusCode()).as("without an Idempotency-Key")
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void sendsOneIdempotencyKeyPerOrderWithEveryAttemptAndEveryRepeat() {
        UUID order = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        thirdParty.failNext(order, 2, 503);

        callFor(order);
        callFor(order);
        callFor(other);

        assertThat(thirdParty.idempotencyKeysFor(order)).hasSize(4).containsOnly(thirdParty.idempotencyKeysFor(order)
                .get(0)).doesNotContain("");
        assertThat(thirdParty.idempotencyKeysFor(order).get(0)).contains(order.toString());
        assertThat(thirdParty.idempotencyKeysFor(other)).singleElement()
                .isNotEqualTo(thirdParty.idempotencyKeysFor(order).get(0));
    }

    private ResponseEntity<String> post(Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.postForEntity(simulated.route(), new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void answersTheSameForTheSameOrderWhichIsWhatMakesRetriesSafe() {
        UUID order = UUID.randomUUID();

        String first = callFor(order);

        assertThat(callFor(order)).isEqualTo(first);
        assertThat(callFor(UUID.randomUUID())).isNotEqualTo(first);
        assertThat(thirdParty.callsFor(order)).isEqualTo(2);
    }

    @Test
    void retriesTechnicalFailuresThroughTheBreakerUntilOneAttemptSucceeds() {
        UUID order = UUID.randomUUID();
        Retry.Metrics retried = retries.retry(remote).getMetrics();
        long retriedSuccessesBefore = retried.getNumberOfSuccessfulCallsWithRetryAttempt();
        thirdParty.failNext(order, 2, 503);

        String answer = callFor(order);

        assertThat(answer).isEqualTo(callFor(order));
        assertThat(thirdParty.callsFor(order)).isEqualTo(4);
        assertThat(retried.getNumberOfSuccessfulCallsWithRetryAttempt() - retriedSuccessesBefore).isOne();
        // every attempt passed the breaker: two failures, then two successes (the retried call and the last one)
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
        assertThat(breaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void neverRetriesA4xxNorCountsItAgainstTheThirdParty() {
        UUID refused = UUID.randomUUID();
        UUID malformed = UUID.randomUUID();
        thirdParty.alwaysAnswer(refused, 422);
        thirdParty.alwaysAnswer(malformed, 400);

        RuntimeException businessAnswer = catchThrowableOfType(RuntimeException.class, () -> callFor(refused));
        RuntimeException ourMistake = catchThrowableOfType(RuntimeException.class, () -> callFor(malformed));

        assertThat(isBusinessAnswer(businessAnswer)).as(String.valueOf(businessAnswer)).isTrue();
        assertThat(isBusinessAnswer(ourMistake)).as(String.valueOf(ourMistake)).isFalse();
        assertThat(thirdParty.callsFor(refused)).isOne();
        assertThat(thirdParty.callsFor(malformed)).isOne();
        assertThat(breaker().getMetrics().getNumberOfBufferedCalls()).as("calls the breaker counted at all").isZero();
    }

    @Test
    void opensOnceItHasSeenEnoughFailedAttemptsAndThenRejectsWithoutTouchingTheNetwork() {
        UUID down = UUID.randomUUID();
        thirdParty.alwaysAnswer(down, 500);
        int minimumCalls = breaker().getCircuitBreakerConfig().getMinimumNumberOfCalls();
        int maxAttempts = retries.retry(remote).getRetryConfig().getMaxAttempts();

        for (int call = 0; call * maxAttempts < minimumCalls; call++) {
            catchThrowableOfType(RuntimeException.class, () -> callFor(down));
        }

        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // each attempt was one call of the breaker; the attempt after it opened was rejected, and not retried
        assertThat(thirdParty.callsFor(down)).isEqualTo(minimumCalls);
        UUID next = UUID.randomUUID();
        long notPermittedBefore = breaker().getMetrics().getNumberOfNotPermittedCalls();
        IntStream.range(0, 10).forEach(call -> assertThatExceptionOfType(CallNotPermittedException.class)
                .isThrownBy(() -> callFor(next)));
        assertThat(thirdParty.callsFor(next)).isZero();
        assertThat(breaker().getMetrics().getNumberOfNotPermittedCalls() - notPermittedBefore).isEqualTo(10);
    }

    @Test
    void aFullBulkheadRejectsAtOnceWithoutRetryAndWithoutCountingAsAFailure() {
        Bulkhead bulkhead = bulkheads.bulkhead(remote);
        int permits = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        UUID order = UUID.randomUUID();
        // every permit taken, as by that many calls in flight
        IntStream.range(0, permits).forEach(permit -> assertThat(bulkhead.tryAcquirePermission()).isTrue());
        try {
            assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(() -> callFor(order));
        }
        finally {
            IntStream.range(0, permits).forEach(permit -> bulkhead.onComplete());
        }

        assertThat(thirdParty.callsFor(order)).isZero();
        assertThat(breaker().getMetrics().getNumberOfBufferedCalls()).isZero();
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(callFor(order)).isNotBlank();
    }
}
