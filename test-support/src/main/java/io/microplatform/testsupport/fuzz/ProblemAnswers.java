package io.microplatform.testsupport.fuzz;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** What every refusal of a hostile request must look like (docs/errors.md). */
public final class ProblemAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a stack trace, an exception or a framework's internals look like in a body. */
    private static final List<String> INTERNALS = List.of("Exception", "exception", "\tat ", "at java.", "Caused by",
            "java.lang", "java.util", "org.springframework", "com.fasterxml", "jakarta.", "org.hibernate",
            "org.postgresql", "org.apache", "io.microplatform", "SQL", "<html", "<!doctype", "Whitelabel");

    private ProblemAnswers() {
    }

    /** A 4xx, application/problem+json, with its status and a title, and nothing of the service's internals. */
    public static void assertRefused(HttpResponse<String> response) {
        String body = response.body();
        assertThat(response.statusCode()).as("status of the answer %s", body).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of the answer %s", body)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (Exception e) {
            fail("The answer is no JSON: %s", body);
            return;
        }
        assertThat(problem.path("status").asInt()).as("status in %s", body).isEqualTo(response.statusCode());
        assertThat(problem.path("title").asText()).as("title in %s", body).isNotBlank();
        assertThat(body).as("the answer shows no internals").doesNotContain(INTERNALS);
    }
}
