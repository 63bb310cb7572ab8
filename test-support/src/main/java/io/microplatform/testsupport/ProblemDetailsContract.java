package io.microplatform.testsupport;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The same answer for the same mistake in every service: application/problem+json with the right status, a title,
 * the request's path as instance, and no stack trace. A service's {@code @WebMvcTest} (all its controllers) extends it
 * and names its routes; a mistake its API cannot receive (no endpoint takes a body, no id in a path) is skipped, saying
 * why, as {@link RunningServiceContract} does for what every running service promises.
 */
public abstract class ProblemDetailsContract {

    @Autowired
    protected MockMvc mvc;

    /**
     * What a bug looks like to these tests: the service's test makes a collaborator of {@link #failingRoute()} throw
     * it, and no word of it may reach the answer.
     */
    protected static final RuntimeException BUG = new IllegalStateException("internal detail a caller must not see");

    /** A route the service answers GET on and nothing else, e.g. {@code /api/sagas}. */
    protected abstract String readOnlyRoute();

    /** A GET route whose collaborator the service's test made throw {@link #BUG}. */
    protected abstract String failingRoute();

    /** A path whose id cannot be one, e.g. {@code /api/orders/12345}; empty where no path carries a typed id. */
    protected Optional<String> malformedIdInPath() {
        return Optional.empty();
    }

    /** A query whose id parameter cannot be one, e.g. {@code /api/payments?orderId=12345}. */
    protected Optional<String> malformedIdInQuery() {
        return Optional.empty();
    }

    /** A route that takes a JSON body, and a well-formed body whose fields fail validation. */
    protected Optional<JsonRoute> jsonRoute() {
        return Optional.empty();
    }

    public record JsonRoute(String path, String invalidBody) {
    }

    /**
     * What every error answer has: this status, problem+json, a title, and nothing of the exception behind it (no
     * {@code trace} or {@code exception} member, no Java class or stack frame in any text).
     */
    public static ResultMatcher problem(HttpStatus expected) {
        return ResultMatcher.matchAll(
                status().is(expected.value()),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(expected.value()),
                jsonPath("$.title").isNotEmpty(),
                jsonPath("$.trace").doesNotExist(),
                jsonPath("$.exception").doesNotExist(),
                content().string(not(containsString("Exception"))),
                content().string(not(containsString(".java"))));
    }

    @Test
    void answersABugWith500WithoutItsDetails() throws Exception {
        mvc.perform(get(failingRoute()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.INTERNAL_SERVER_ERROR))
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred"))
                .andExpect(content().string(not(containsString(BUG.getMessage()))));
    }

    @Test
    void answersAnUnknownRouteWith404() throws Exception {
        mvc.perform(get("/api/no-such-route").accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.NOT_FOUND))
                .andExpect(jsonPath("$.detail").value("No endpoint GET /api/no-such-route"))
                .andExpect(jsonPath("$.instance").value("/api/no-such-route"));
    }

    @Test
    void answersAWrongMethodWith405NamingTheAllowedOnes() throws Exception {
        mvc.perform(delete(readOnlyRoute()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.METHOD_NOT_ALLOWED))
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
    }

    /** An id is opaque to callers: one that cannot be an id names nothing, like an unknown one. */
    @Test
    void answersAMalformedIdInThePathWith404() throws Exception {
        assumeThat(malformedIdInPath()).as("no path of this service carries a typed id").isPresent();
        mvc.perform(get(malformedIdInPath().orElseThrow()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.NOT_FOUND));
    }

    /** The resource exists, the request's input does not fit it: a bad request, as any other invalid parameter. */
    @Test
    void answersAMalformedIdInTheQueryWith400() throws Exception {
        assumeThat(malformedIdInQuery()).as("no query of this service takes an id").isPresent();
        mvc.perform(get(malformedIdInQuery().orElseThrow()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.BAD_REQUEST));
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        assumeThat(jsonRoute()).as("no endpoint of this service takes a body").isPresent();
        String path = jsonRoute().orElseThrow().path();
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"truncated\":["))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.instance").value(path));
    }

    @Test
    void answersAnInvalidBodyWith400NamingEachField() throws Exception {
        assumeThat(jsonRoute()).as("no endpoint of this service takes a body").isPresent();
        JsonRoute route = jsonRoute().orElseThrow();
        mvc.perform(post(route.path()).contentType(MediaType.APPLICATION_JSON).content(route.invalidBody()))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value(containsString("Invalid fields: ")))
                .andExpect(jsonPath("$.errors[0].field").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void answersAWrongMediaTypeWith415() throws Exception {
        assumeThat(jsonRoute()).as("no endpoint of this service takes a body").isPresent();
        mvc.perform(post(jsonRoute().orElseThrow().path()).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    }
}
