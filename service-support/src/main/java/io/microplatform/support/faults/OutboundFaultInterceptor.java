package io.microplatform.support.faults;

import io.microplatform.support.faults.FaultRule.Effect;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Outbound faults, matched by the host of the request URI (or its path, see {@link FaultRules#outbound}). On a {@code @LoadBalanced} builder this interceptor is
 * added by Boot's customizers before Spring Cloud adds its load balancer, so it sees {@code http://inventory-service/...}
 * and the host is the service id. Refuse throws {@link ConnectException} (what a closed port gives) and an error answers
 * the rule's 5xx, both without sending anything; latency waits on the caller's thread before sending, so the caller's
 * time limiter sees it but the socket read timeout does not.
 */
class OutboundFaultInterceptor implements ClientHttpRequestInterceptor {

    private final FaultRules rules;

    OutboundFaultInterceptor(FaultRules rules) {
        this.rules = rules;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        String host = request.getURI().getHost();
        String detail = request.getMethod() + " " + request.getURI();
        for (FaultRule rule : rules.outbound(host, request.getURI().getPath())) {
            if (rule.refuse()) {
                rules.injected(rule, Effect.REFUSE, detail);
                throw new ConnectException("Connection refused by fault injection rule " + rule.id() + " (" + host + ")");
            }
            rules.delay(rule, detail);
            if (rule.failsThisCall()) {
                rules.injected(rule, Effect.ERROR, detail);
                return new InjectedResponse(rule);
            }
        }
        return execution.execute(request, body);
    }

    /** The rule's 5xx with a problem+json body, as the downstream would answer it. */
    private static final class InjectedResponse implements ClientHttpResponse {

        private final FaultRule rule;
        private final byte[] body;

        InjectedResponse(FaultRule rule) {
            this.rule = rule;
            this.body = ("{\"type\":\"about:blank\",\"title\":\"Injected fault\",\"status\":" + rule.errorStatus()
                    + ",\"detail\":\"Failed by fault injection rule " + rule.id() + "\"}").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(rule.errorStatus());
        }

        @Override
        public String getStatusText() {
            return "Injected fault";
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            headers.setContentLength(body.length);
            return headers;
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
        }
    }
}
