package io.microplatform.support.problems;

import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/** The problem details every service answers alike, and a way to write one where Spring MVC does not reach. */
public final class Problems {

    /** Spring's own converter: its ObjectMapper writes a ProblemDetail's properties as top-level members. */
    private static final MappingJackson2HttpMessageConverter JSON = new MappingJackson2HttpMessageConverter();

    private Problems() {
    }

    /**
     * 400 "Invalid request" naming each invalid field, sorted so that the answer does not depend on the validator's
     * order: {@code "detail":"Invalid fields: customerId must not be blank; items[0].quantity must be ..."}.
     */
    public static ProblemDetail invalidRequest(List<InvalidField> errors) {
        List<InvalidField> sorted = errors.stream()
                .sorted(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message))
                .toList();
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid fields: "
                + sorted.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", sorted);
        return problem;
    }

    /** A problem with a title of its own, where the status's reason phrase would say too little. */
    public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** The problem as JSON text, for a writer that is not a servlet response's (Tomcat's error report). */
    public static String json(ProblemDetail problem) throws IOException {
        return JSON.getObjectMapper().writeValueAsString(problem);
    }

    /**
     * For a servlet filter, which runs before (and outside) Spring MVC's exception handling. Like Spring MVC's own
     * answers, the problem's instance is the request's path unless it has one.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        ServletServerHttpResponse output = new ServletServerHttpResponse(response);
        output.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        JSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
    }
}
