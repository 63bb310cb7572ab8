package io.microplatform.support.faults;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.microplatform.support.problems.Problems;
import io.microplatform.support.web.MalformedUtf8Exception;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
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
        if (!isJson(request.getContentType())) {
            Problems.write(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "A fault rule is sent as application/json"));
            return;
        }
        FaultRule rule;
        try {
            // strict like every request body (docs/errors.md): a misspelt field is an error, not a rule without it
            FaultRequest posted = json.readerFor(FaultRequest.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(request.getInputStream());
            if (posted == null) {
                throw new IllegalArgumentException("A fault rule is a JSON object, not null");
            }
            rule = posted.toRule(clock.instant());
        } catch (JacksonException | MalformedUtf8Exception | IllegalArgumentException e) {
            Problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "Invalid fault rule", reason(e)));
            return;
        }
        response.setStatus(HttpServletResponse.SC_CREATED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), rules.add(rule));
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The rule's own checks speak for themselves; Jackson's messages name Java types, so they are only located. */
    private static String reason(Exception e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return mapping instanceof UnrecognizedPropertyException
                    ? field + " is not a field of a fault rule"
                    : field + " is missing, or not of the type a fault rule takes there";
        }
        if (e instanceof JacksonException) {
            return "The body is not valid JSON, or not shaped like a fault rule";
        }
        return e.getMessage();
    }
}
