package io.microplatform.support.faults;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.support.problems.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * POST {@code /actuator/faults}: reads a {@link FaultRequest}, adds the rule and answers 201 with it (its id included),
 * or 400 problem+json naming what is wrong. A handler mapping ordered before actuator's (-100) that claims only this
 * method and path, so GET and DELETE stay with {@link FaultsEndpoint}.
 */
class FaultRulePosting extends AbstractHandlerMapping {

    private final String endpointPath;
    private final HttpRequestHandler handler;

    FaultRulePosting(String endpointPath, FaultRules rules, ObjectMapper json, Clock clock) {
        this.endpointPath = endpointPath;
        this.handler = (request, response) -> add(request, response, rules, json, clock);
        setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.equals(endpointPath) ? handler : null;
    }

    private static void add(HttpServletRequest request, HttpServletResponse response, FaultRules rules, ObjectMapper json,
            Clock clock) throws IOException {
        FaultRule rule;
        try {
            rule = json.readValue(request.getInputStream(), FaultRequest.class).toRule(clock.instant());
        } catch (JacksonException | IllegalArgumentException e) {
            String reason = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
            Problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "Invalid fault rule", reason));
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), rules.add(rule));
    }
}
