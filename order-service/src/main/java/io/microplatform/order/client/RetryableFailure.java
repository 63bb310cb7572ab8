package io.microplatform.order.client;

import java.net.SocketTimeoutException;
import java.util.function.Predicate;

import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * Which failures of a call are worth another attempt (resilience4j's {@code retry-exception-predicate}, named in
 * application.yml): a 5xx, and an I/O failure before an answer (connection refused or reset, connect timeout, no
 * instance of the service) — not a read timeout. A read timeout already spent the whole per-attempt budget on a
 * remote that is slow, not gone: another attempt would multiply the caller's wait and add load where it hurts; the
 * breaker's slow-call and failure rates deal with that remote instead. Never a 4xx (HttpClientErrorException), an open
 * breaker (CallNotPermittedException) or a full bulkhead (BulkheadFullException): those are not technical failures
 * of this attempt, and the predicate is false for anything it does not name.
 * <p>
 * Public, with the implicit public constructor: resilience4j instantiates it by its class name.
 */
public class RetryableFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof HttpServerErrorException) {
            return true;
        }
        return failure instanceof ResourceAccessException && !isReadTimeout(failure.getCause());
    }

    /** Apache HttpClient 5: a read timeout is a plain SocketTimeoutException, a connect timeout its own type. */
    private static boolean isReadTimeout(Throwable cause) {
        return cause != null && cause.getClass() == SocketTimeoutException.class;
    }
}
