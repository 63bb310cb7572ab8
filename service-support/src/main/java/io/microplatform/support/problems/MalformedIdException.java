package io.microplatform.support.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An id in the path that cannot be one: not of its type (not a UUID), or not an identifier at all (a control
 * character, a space, longer than any id). Answered as an id that names nothing: 404 naming the id as given, by any
 * of Spring MVC's exception handlers; {@link ProblemDetailsHandler#malformedIdInPath} lets a service answer it as its
 * own "not found".
 */
public class MalformedIdException extends ErrorResponseException {

    private final String name;
    private final transient Object value;

    public MalformedIdException(String name, Object value, Throwable cause) {
        super(HttpStatus.NOT_FOUND, notFound(name, value), cause);
        this.name = name;
        this.value = value;
    }

    private static ProblemDetail notFound(String name, Object value) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No resource with " + name + " " + value);
        problem.setProperty(name, value);
        return problem;
    }

    /** The path variable's name, e.g. {@code sku}. */
    public String name() {
        return name;
    }

    /** The value as given. */
    public Object value() {
        return value;
    }
}
