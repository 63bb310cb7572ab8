package io.microplatform.order.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.web.client.RestClientException;

/**
 * An attempt to call a remote took longer than its time limiter allows ({@code resilience4j.timelimiter}): the caller
 * stopped waiting. ResilientCalls hands it to the caller's fallback like the read timeout it resembles (a
 * RestClientException too); the breaker and the retry saw the time limiter's own TimeoutException (counted as a
 * failure, not retried), which ResilientCalls' list of remote-down failures names.
 */
class TimeLimitExceededException extends RestClientException {

    TimeLimitExceededException(String remote, Duration limit, TimeoutException cause) {
        super(remote + " did not answer within its time limit of " + limit.toMillis() + " ms", cause);
    }
}
