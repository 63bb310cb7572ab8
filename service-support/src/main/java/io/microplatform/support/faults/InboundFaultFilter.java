package io.microplatform.support.faults;

import io.microplatform.support.faults.FaultRule.Effect;
import io.microplatform.support.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inbound faults, before any handler (and before Spring MVC) runs: refuse answers 503 without running the handler,
 * latency waits before it, an error answers the rule's 5xx instead of it; a crash rule arms the thread while the
 * request is handled (its transaction's commit halts the JVM, see {@link CrashPoints}). The faults endpoint itself is
 * never affected, so a rule on {@code /**} can still be cleared.
 */
class InboundFaultFilter extends OncePerRequestFilter {

    private final FaultRules rules;
    private final String endpointPath;
    private final CrashPoints crashes;

    InboundFaultFilter(FaultRules rules, String endpointPath, CrashPoints crashes) {
        this.rules = rules;
        this.endpointPath = endpointPath;
        this.crashes = crashes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<FaultRule> matching = path.startsWith(endpointPath) ? List.of() : rules.inbound(path);
        String detail = request.getMethod() + " " + path;
        for (FaultRule rule : matching) {
            if (rule.refuse()) {
                rules.injected(rule, Effect.REFUSE, detail);
                Problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "Refused by fault injection rule " + rule.id()));
                return;
            }
            rules.delay(rule, detail);
            if (rule.failsThisCall()) {
                rules.injected(rule, Effect.ERROR, detail);
                Problems.write(request, response, Problems.of(HttpStatusCode.valueOf(rule.errorStatus()),
                        "Injected fault", "Failed by fault injection rule " + rule.id()));
                return;
            }
        }
        try (CrashPoints.Handling handling = crashes.arm(matching, detail)) {
            chain.doFilter(request, response);
        }
    }
}
