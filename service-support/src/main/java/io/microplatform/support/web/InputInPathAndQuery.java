package io.microplatform.support.web;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.microplatform.contracts.FieldLimits;
import io.microplatform.support.problems.MalformedIdException;
import io.microplatform.support.problems.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a controller takes from the URL, checked before it runs, the same way in every service:
 * <ul>
 * <li>every path variable is an id, and ids are {@link FieldLimits#IDENTIFIER_PATTERN identifiers} of at most
 * {@value #ID_MAX} characters (skus and customer ids at most 64, UUIDs 36): anything else, a control character among
 * them, cannot name a resource and is answered as an unknown id, 404 (no database sees it);
 * <li>no query parameter (name or value) carries a control character: 400 naming the parameter.
 * </ul>
 */
class InputInPathAndQuery implements HandlerInterceptor {

    static final int ID_MAX = Math.max(FieldLimits.SKU_MAX, FieldLimits.CUSTOMER_ID_MAX);

    private static final Pattern CONTROL_CHARACTER = Pattern.compile("\\p{Cc}");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (!FieldLimits.isIdentifier(String.valueOf(value), ID_MAX)) {
                    throw new MalformedIdException(String.valueOf(name), value, null);
                }
            });
        }
        // the query string's parameters (a form body's too, read within server.tomcat.max-http-form-post-size)
        request.getParameterMap().forEach((name, values) -> {
            boolean control = CONTROL_CHARACTER.matcher(name).find();
            for (String value : values) {
                control |= CONTROL_CHARACTER.matcher(value).find();
            }
            if (control) {
                ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, HttpStatus.BAD_REQUEST.getReasonPhrase(),
                        "Parameter '" + printable(name) + "' must not contain control characters");
                problem.setProperty("parameter", name);
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
            }
        });
        return true;
    }

    private static String printable(String name) {
        return CONTROL_CHARACTER.matcher(name).replaceAll("?");
    }
}
