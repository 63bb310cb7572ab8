package io.microplatform.order.client;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryableFailureTest {

    private final RetryableFailure retryable = new RetryableFailure();

    @Test
    void retries5xxAndFailuresBeforeAnAnswer() {
        assertThat(retryable.test(new HttpServerErrorException(HttpStatus.INTERNAL_SERVER_ERROR))).isTrue();
        assertThat(retryable.test(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isTrue();
        assertThat(retryable.test(new ResourceAccessException("refused", new ConnectException("refused")))).isTrue();
        assertThat(retryable.test(new ResourceAccessException("connect", new ConnectTimeoutException("connect"))))
                .isTrue();
        assertThat(retryable.test(new ResourceAccessException("No instances available for inventory-service"))).isTrue();
    }

    @Test
    void neverRetriesA4xxAReadTimeoutAnOpenBreakerOrAFullBulkhead() {
        assertThat(retryable.test(new HttpClientErrorException(HttpStatus.BAD_REQUEST))).isFalse();
        assertThat(retryable.test(new HttpClientErrorException(HttpStatus.TOO_MANY_REQUESTS))).isFalse();
        assertThat(retryable.test(new ResourceAccessException("read", new SocketTimeoutException("Read timed out"))))
                .isFalse();
        assertThat(retryable.test(CallNotPermittedException.createCallNotPermittedException(
                CircuitBreaker.ofDefaults("x")))).isFalse();
        assertThat(retryable.test(BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("x"))))
                .isFalse();
        assertThat(retryable.test(new IllegalStateException("a bug"))).isFalse();
    }
}
