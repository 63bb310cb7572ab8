package io.microplatform.support.web;

import java.net.URI;

import io.microplatform.support.problems.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The answers of the web edge, where no controller (and no exception that could be shown) is involved. */
final class EdgeProblems {

    private EdgeProblems() {
    }

    /**
     * What Tomcat refused before the application saw the request. Tomcat's reason stays in its debug log: its
     * messages quote the request and name Tomcat's classes, so the detail says what kind of request is refused.
     */
    static ProblemDetail refusedByServer(int status, String requestUri) {
        String detail = switch (status) {
            case 400 -> "The request could not be read: its path or query is malformed (a stray or forbidden"
                    + " percent-encoding such as %00 or %2F, a character not allowed in a URL, a path above the root),"
                    + " or a header is malformed or the headers are too large";
            case 505 -> "The request's HTTP version is not supported";
            default -> defaultDetail(status);
        };
        return withInstance(Problems.of(HttpStatusCode.valueOf(status), title(status), detail), requestUri);
    }

    /** An error Tomcat forwarded to Boot's error path (a filter's sendError, an exception thrown past Spring MVC). */
    static ProblemDetail forwardedError(int status, String method, String requestUri) {
        String detail = status == HttpStatus.NOT_FOUND.value()
                ? "No endpoint " + method + " " + requestUri
                : defaultDetail(status);
        return withInstance(Problems.of(HttpStatusCode.valueOf(status), title(status), detail), requestUri);
    }

    private static String defaultDetail(int status) {
        if (status >= 500) {
            return "An unexpected error occurred";
        }
        return "The request was refused: " + title(status);
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /** The request's path as instance, where it is a valid URI reference (a refused one may not be). */
    private static ProblemDetail withInstance(ProblemDetail problem, String requestUri) {
        if (requestUri != null) {
            try {
                problem.setInstance(new URI(requestUri));
            }
            catch (Exception notAUri) {
                // the instance is optional (RFC 9457); a path Tomcat could not read is not repeated
            }
        }
        return problem;
    }
}
