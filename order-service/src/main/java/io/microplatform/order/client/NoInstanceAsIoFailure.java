package io.microplatform.order.client;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Wraps Spring Cloud LoadBalancer's interceptor (ClientConfiguration puts it first): when discovery knows no instance
 * of the service, the load balancer throws a plain IllegalStateException, "No instances available for <service id>"
 * (BlockingLoadBalancerClient; LoadBalancedClientsIT pins the message). Exactly that one becomes an I/O failure
 * ({@link NoInstanceException}), which RestClient reports as a ResourceAccessException: as unreachable as a refused
 * connection, recorded by the breaker, retried and answered by the fallback like one. Any other IllegalStateException
 * is a bug and passes unchanged.
 */
final class NoInstanceAsIoFailure implements ClientHttpRequestInterceptor {

    private static final String NO_INSTANCE = "No instances available for ";

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        try {
            return execution.execute(request, body);
        }
        catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(NO_INSTANCE)) {
                throw new NoInstanceException(e.getMessage());
            }
            throw e;
        }
    }

    /** Discovery knows no instance of the service the request is for. */
    static final class NoInstanceException extends IOException {

        NoInstanceException(String message) {
            super(message);
        }
    }
}
