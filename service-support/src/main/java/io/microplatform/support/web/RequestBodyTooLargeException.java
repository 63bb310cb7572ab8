package io.microplatform.support.web;

import java.io.IOException;
import java.util.Optional;

import io.microplatform.support.problems.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request body that grew past the limit while it was read (a chunked body, or one longer than its Content-Length
 * said). An IOException, so that Jackson and Spring MVC pass it on as the cause of the body that could not be read.
 */
public class RequestBodyTooLargeException extends IOException {

    private final long maxBytes;

    RequestBodyTooLargeException(long maxBytes) {
        super("Request body larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** 413 naming the limit: {@code "maxBytes":65536}. */
    public ProblemDetail problem() {
        return problem(maxBytes);
    }

    static ProblemDetail problem(long maxBytes) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                "The request body is larger than " + maxBytes + " bytes");
        problem.setProperty("maxBytes", maxBytes);
        return problem;
    }

    /** This exception anywhere in a chain of causes. */
    public static Optional<RequestBodyTooLargeException> in(Object thrown) {
        for (Object cause = thrown; cause instanceof Throwable throwable; cause = throwable.getCause()) {
            if (throwable instanceof RequestBodyTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
            if (throwable.getCause() == throwable) {
                break;
            }
        }
        return Optional.empty();
    }
}
