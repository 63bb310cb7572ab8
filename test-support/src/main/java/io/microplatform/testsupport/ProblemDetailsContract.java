package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
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

import java.lang.annotation.ElementType;
import java.net.URI;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The same answer for the same mistake in every service: application/problem+json with the right status, a title,
 * the request's path as instance, and nothing of the exception behind it. A service's {@code @WebMvcTest} (all its
 * controllers) extends it and names its routes with {@link Routes}; a mistake its API cannot receive (no endpoint takes
 * a body, no id in a path) is skipped, saying why, as {@link RunningServiceContract} does for what every running
 * service promises. springdoc's document and Swagger UI are there as in the running service, so that their routes are
 * proved not to change these answers.
 */
@AutoConfigureOpenApi
@Import(ProblemDetailsContract.BugController.class)
public abstract class ProblemDetailsContract {

    /** The service's routes the mistakes are made on; "" where the service has no such route. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Routes {

        /** A route the service answers GET on and nothing else, e.g. {@code /api/sagas}. */
        String readOnly();

        /**
         * A path whose id cannot be one, e.g. {@code /api/orders/12345}, or {@code /api/inventory/items/not a sku}
         * where ids are free-form: an id is a FieldLimits identifier (no space, no control character).
         */
        String malformedIdInPath() default "";

        /**
         * A query whose id parameter cannot be one, e.g. {@code /api/payments?orderId=12345}; the route cannot answer
         * without that parameter, as an id in a query names what is asked for, and answers a well-formed id that names
         * nothing with an empty list.
         */
        String malformedIdInQuery() default "";

        /** A route that takes a JSON body. */
        String json() default "";

        /**
         * A well-formed body for {@link #json()} whose fields fail validation; its first field is one the request
         * has, which the JSON policy's mistakes are made on (a key twice, a value of another JSON type).
         */
        String invalidBody() default "";
    }

    private static final RuntimeException BUG = new IllegalStateException("internal detail a caller must not see");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bug behind a route, answered by the service's own exception handler like any of its controllers' bugs. */
    @RestController
    static class BugController {

        static final String ROUTE = "/problem-details-contract/bug";

        @GetMapping(ROUTE)
        void fail() {
            throw BUG;
        }
    }

    @Autowired
    protected MockMvc mvc;

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

    /** problem+json with exactly {@code expected}'s members, no more and no fewer: a controller test's whole answer. */
    public static ResultMatcher problemJson(String expected) {
        return ResultMatcher.matchAll(content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                content().json(expected, true));
    }

    @Test
    void answersABugWith500WithoutItsDetails() throws Exception {
        mvc.perform(get(BugController.ROUTE).accept(MediaType.APPLICATION_JSON))
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
        mvc.perform(delete(routes().readOnly()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.METHOD_NOT_ALLOWED))
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
    }

    /** An id is opaque to callers: one that cannot be an id names nothing, like an unknown one. */
    @Test
    void answersAMalformedIdInThePathWith404() throws Exception {
        assumeThat(routes().malformedIdInPath()).as("no path of this service carries a typed id").isNotEmpty();
        mvc.perform(get(routes().malformedIdInPath()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.NOT_FOUND));
    }

    /** The resource exists, the request's input does not fit it: a bad request, as any other invalid parameter. */
    @Test
    void answersAMalformedIdInTheQueryWith400() throws Exception {
        assumeThat(routes().malformedIdInQuery()).as("no query of this service takes an id").isNotEmpty();
        mvc.perform(get(routes().malformedIdInQuery()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.BAD_REQUEST));
    }

    /** The id names what is asked for: a query without it is a bad request that names the missing parameter. */
    @Test
    void answersAMissingIdInTheQueryWith400NamingIt() throws Exception {
        UriComponents query = idQuery();
        String parameter = query.getQueryParams().keySet().iterator().next();
        mvc.perform(get(query.getPath()).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(content().json("""
                        {"type":"about:blank","title":"Bad Request","status":400,
                         "detail":"Required parameter '%s' is not present.","instance":"%s"}
                        """.formatted(parameter, query.getPath()), true));
    }

    /**
     * Not a mistake: a query for an order that has nothing (the mocked application service finds nothing) is an empty
     * list, not a 404 as an unknown id in a path is.
     */
    @Test
    void answersAWellFormedIdInTheQueryThatNamesNothingWithAnEmptyList() throws Exception {
        UriComponents query = idQuery();
        String parameter = query.getQueryParams().keySet().iterator().next();
        mvc.perform(get(query.getPath()).param(parameter, UUID.randomUUID().toString()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(content().json("[]", true));
    }

    /** The request's path with its last segment replaced, not encoded again: {@code /api/orders/%01X}. */
    private static URI withLastSegment(String path, String segment) {
        String withoutQuery = UriComponentsBuilder.fromUriString(path).build().getPath();
        return URI.create(withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + segment);
    }

    /** A control character cannot be in an id: 404 as any id that names nothing, and no query ever sees it. */
    @Test
    void answersAControlCharacterInAnIdInThePathWith404() throws Exception {
        assumeThat(routes().malformedIdInPath()).as("no path of this service carries an id").isNotEmpty();
        for (String id : new String[] { "%00", "%01X", "X%7F", "a%0Ab" }) {
            mvc.perform(get(withLastSegment(routes().malformedIdInPath(), id)).accept(MediaType.APPLICATION_JSON))
                    .andExpect(problem(HttpStatus.NOT_FOUND));
        }
    }

    /** No parameter of any route carries a control character: 400 naming it, whether the route reads it or not. */
    @Test
    void answersAControlCharacterInAQueryParameterWith400NamingIt() throws Exception {
        String path = UriComponentsBuilder.fromUriString(routes().readOnly()).build().getPath();
        mvc.perform(get(URI.create(path + "?q=a%00b")).accept(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.parameter").value("q"));
    }

    @Test
    void answersMalformedJsonWith400() throws Exception {
        String path = jsonRoute();
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{\"truncated"))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.instance").value(path));
    }

    @Test
    void answersAnInvalidBodyWith400NamingEachField() throws Exception {
        mvc.perform(post(jsonRoute()).contentType(MediaType.APPLICATION_JSON).content(routes().invalidBody()))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value(containsString("Invalid fields: ")))
                .andExpect(jsonPath("$.errors[0].field").isNotEmpty())
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    /** The JSON policy: a field the request does not have is refused, named (docs/errors.md). */
    @Test
    void answersAnUnknownFieldWith400NamingIt() throws Exception {
        ObjectNode body = JSON.createObjectNode().put("noSuchField", 1);
        body.setAll(invalidBody());
        mvc.perform(post(jsonRoute()).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value("noSuchField"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a field of this request"));
    }

    /** The JSON policy: one key twice in an object is malformed, whichever value would have won. */
    @Test
    void answersAKeyTwiceWith400NamingIt() throws Exception {
        Map.Entry<String, JsonNode> first = invalidBody().fields().next();
        String member = JSON.writeValueAsString(first.getKey()) + ":" + first.getValue();
        mvc.perform(post(jsonRoute()).contentType(MediaType.APPLICATION_JSON).content("{" + member + "," + member + "}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.title").value("Malformed request body"))
                .andExpect(jsonPath("$.detail").value(containsString("'" + first.getKey() + "'")));
    }

    /** The JSON policy: no coercion; a number where text belongs, or text where a number does, names the field. */
    @Test
    void answersAValueOfAnotherJsonTypeWith400NamingTheField() throws Exception {
        Map.Entry<String, JsonNode> first = invalidBody().fields().next();
        ObjectNode body = JSON.createObjectNode();
        if (first.getValue().isTextual()) {
            body.put(first.getKey(), 123);
        }
        else {
            body.put(first.getKey(), first.getValue().asText());
        }
        mvc.perform(post(jsonRoute()).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors[0].field").value(first.getKey()))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type"));
    }

    /** A NUL in a string never reaches a database: escaped, it is valid JSON and the field's validation refuses it. */
    @Test
    void answersAControlCharacterInAStringOfTheBodyWith400() throws Exception {
        Map.Entry<String, JsonNode> first = invalidBody().fields().next();
        ObjectNode body = JSON.createObjectNode().put(first.getKey(), "A\u0000B");
        mvc.perform(post(jsonRoute()).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                .andExpect(problem(HttpStatus.BAD_REQUEST))
                .andExpect(jsonPath("$.errors[?(@.field == '%s')]".formatted(first.getKey())).exists());
    }

    /** Above platform.web.max-request-body (64 KB) the body is not read: 413 naming the limit. */
    @Test
    void answersABodyLargerThanTheLimitWith413() throws Exception {
        String padding = "x".repeat(64 * 1024);
        mvc.perform(post(jsonRoute()).contentType(MediaType.APPLICATION_JSON).content("{\"pad\":\"" + padding + "\"}"))
                .andExpect(problem(HttpStatus.PAYLOAD_TOO_LARGE))
                .andExpect(jsonPath("$.maxBytes").value(64 * 1024));
    }

    @Test
    void answersAWrongMediaTypeWith415() throws Exception {
        mvc.perform(post(jsonRoute()).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    }

    private Routes routes() {
        Routes routes = getClass().getAnnotation(Routes.class);
        assertThat(routes).as("%s names its routes with @ProblemDetailsContract.Routes", getClass().getName())
                .isNotNull();
        return routes;
    }

    private UriComponents idQuery() {
        assumeThat(routes().malformedIdInQuery()).as("no query of this service takes an id").isNotEmpty();
        return UriComponentsBuilder.fromUriString(routes().malformedIdInQuery()).build();
    }

    private ObjectNode invalidBody() throws Exception {
        jsonRoute();
        return (ObjectNode) JSON.readTree(routes().invalidBody());
    }

    private String jsonRoute() {
        assumeThat(routes().json()).as("no endpoint of this service takes a body").isNotEmpty();
        return routes().json();
    }
}
