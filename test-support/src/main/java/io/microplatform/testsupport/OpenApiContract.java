package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.microplatform.testsupport.OpenApiLimits.Limit;
import io.microplatform.testsupport.OpenApiLimits.Operation;

/**
 * A service's OpenAPI document says what the service does: every limit it states on a request's fields and parameters
 * is enforced, every error it answers is documented as problem+json, and only the public API is in it. A service's
 * {@code @WebMvcTest} (all its controllers, its application services mocked to answer a valid request) extends it.
 * <p>
 * The limits are read from the document, never listed here: for each {@code maxLength}, {@code minLength},
 * {@code maximum}, {@code minimum}, {@code maxItems}, {@code minItems}, {@code pattern} and {@code enum} of a body
 * property or a path, query or header parameter, a request with a value just past the limit must be a 400
 * problem+json naming that field, and one with a value at the limit must not be refused. Each request is the
 * document's own example request (built from the examples it gives for every field) with that one value changed, so
 * a limit added to the document without enforcement, or enforced differently, fails here.
 */
@AutoConfigureOpenApi
public abstract class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected MockMvc mvc;

    @Test
    void servesSwaggerUiOnTheDocument() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(redirectedUrl("/swagger-ui/index.html"));
        mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    /** The simulated third parties, the actuator and test-only routes are not the service's API. */
    @Test
    void documentsThePublicApiOnly() throws Exception {
        List<Operation> operations = OpenApiLimits.operations(document());
        assertThat(operations).as("documented operations").isNotEmpty();
        assertThat(operations).allSatisfy(operation -> assertThat(operation.path()).startsWith("/api/"));
    }

    /** A summary, and its answer when it succeeds (an error response declared alone would hide springdoc's 200). */
    @Test
    void saysWhatEveryOperationDoesAndAnswers() throws Exception {
        assertThat(OpenApiLimits.operations(document())).allSatisfy(operation -> {
            assertThat(operation.node().path("summary").asText()).as("%s's summary", operation).isNotBlank();
            assertThat(operation.node().path("responses").fieldNames()).toIterable().as("%s's responses", operation)
                    .anyMatch(status -> status.startsWith("2"));
        });
    }

    /**
     * Every error response is problem+json with the ProblemDetail schema, and the errors every service answers alike
     * are there: 500 for any operation, 400 and 415 where it takes a body, 400 where it takes a query or header
     * parameter, 404 where it takes an id in its path.
     */
    @Test
    void documentsEveryErrorAsProblemDetails() throws Exception {
        JsonNode document = document();
        JsonNode problem = document.at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.fieldNames()).toIterable().contains("type", "title", "status", "detail", "instance");
        for (Operation operation : OpenApiLimits.operations(document)) {
            JsonNode responses = operation.node().path("responses");
            List<String> expected = new ArrayList<>(List.of("500"));
            if (operation.node().has("requestBody")) {
                expected.addAll(List.of("400", "415"));
            }
            for (JsonNode parameter : operation.node().path("parameters")) {
                expected.add(parameter.path("in").asText().equals("path") ? "404" : "400");
            }
            assertThat(responses.fieldNames()).toIterable().as("%s's responses", operation).containsAll(expected);
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> response = it.next();
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode content = response.getValue().path("content");
                    assertThat(content.fieldNames()).toIterable().as("%s %s", operation, response.getKey())
                            .containsExactly(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    assertThat(content.at("/application~1problem+json/schema/$ref").asText())
                            .isEqualTo("#/components/schemas/ProblemDetail");
                }
            }
        }
    }

    /** The example request itself, which every limit's requests change one value of, is accepted. */
    @TestFactory
    Stream<DynamicTest> acceptsTheDocumentedExampleOfEveryRequestWithLimits() throws Exception {
        JsonNode document = document();
        return OpenApiLimits.limits(document).stream().map(Limit::operation).distinct()
                .map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> {
                    MockHttpServletResponse response = mvc.perform(
                            OpenApiLimits.exampleRequest(document, operation).build()).andReturn().getResponse();
                    assertAccepted(response, operation + " with the document's examples");
                }));
    }

    @TestFactory
    Stream<DynamicTest> enforcesEveryLimitTheDocumentStates() throws Exception {
        JsonNode document = document();
        List<Limit> limits = OpenApiLimits.limits(document);
        return limits.stream().flatMap(limit -> Stream.of(
                DynamicTest.dynamicTest(limit + ": refuses " + limit.past().description(), () -> {
                    MockHttpServletResponse response = mvc.perform(limit.past().request().build()).andReturn()
                            .getResponse();
                    assertRefused(response, limit);
                }),
                DynamicTest.dynamicTest(limit + ": accepts " + limit.at().description(), () -> {
                    limit.at().assumeConsistent();
                    MockHttpServletResponse response = mvc.perform(limit.at().request().build()).andReturn()
                            .getResponse();
                    assertAccepted(response, limit + " at " + limit.at().description());
                })));
    }

    private JsonNode document() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    /**
     * 400 problem+json that names the field: in errors (an invalid field) or, for a parameter, as a property of the
     * problem ({@code "state":"NOPE"}) or in its detail.
     */
    private static void assertRefused(MockHttpServletResponse response, Limit limit) throws Exception {
        String body = response.getContentAsString();
        assertThat(response.getStatus()).as("%s past the limit: %s", limit, body).isEqualTo(400);
        assertThat(MediaType.parseMediaType(response.getContentType()))
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "problem+json");
        JsonNode problem = JSON.readTree(body);
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields.contains(limit.field()) || !limit.inBody() && (problem.has(limit.field())
                || problem.path("detail").asText().contains(limit.field())))
                .as("%s names %s", body, limit.field()).isTrue();
    }

    /** Neither refused (400) nor a failure (5xx); a domain answer (404 for an unknown id, 422) is not about limits. */
    private static void assertAccepted(MockHttpServletResponse response, String what) throws Exception {
        assertThat(response.getStatus()).as("%s: %s", what, response.getContentAsString())
                .isNotEqualTo(400).isLessThan(500);
    }
}
