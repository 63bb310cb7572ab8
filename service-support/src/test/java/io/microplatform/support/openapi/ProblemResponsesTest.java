package io.microplatform.support.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesTest {

    private final ProblemResponses problems = new ProblemResponses();

    @Test
    void addsTheErrorsAnOperationCanAnswerByWhatItTakes() {
        Operation place = operation().requestBody(new RequestBody().content(new Content()
                .addMediaType("application/json", new MediaType())));
        Operation get = operation().addParametersItem(new Parameter().in("path").name("orderId"));
        Operation list = operation().addParametersItem(new Parameter().in("query").name("orderId"));
        Operation all = operation();

        problems.customise(api(place, get, list, all));

        assertThat(place.getResponses()).containsOnlyKeys("200", "400", "415", "500");
        assertThat(get.getResponses()).containsOnlyKeys("200", "404", "500");
        assertThat(list.getResponses()).containsOnlyKeys("200", "400", "500");
        assertThat(all.getResponses()).containsOnlyKeys("200", "500");
    }

    /** A service's own answer (its title in the description) stays; it gets the problem+json content like the rest. */
    @Test
    void givesEveryErrorResponseTheProblemDetailContentAndKeepsDeclaredOnes() {
        Operation get = operation().addParametersItem(new Parameter().in("path").name("orderId"));
        get.getResponses().addApiResponse("404", new ApiResponse().description("Order not found"))
                .addApiResponse("422", new ApiResponse().description("Unknown SKU").content(new Content()
                        .addMediaType("*/*", new MediaType())));

        OpenAPI api = api(get);
        problems.customise(api);

        assertThat(get.getResponses().get("404").getDescription()).isEqualTo("Order not found");
        for (String status : List.of("404", "422", "500")) {
            Content content = get.getResponses().get(status).getContent();
            assertThat(content).containsOnlyKeys("application/problem+json");
            assertThat(content.get("application/problem+json").getSchema().get$ref())
                    .isEqualTo("#/components/schemas/ProblemDetail");
        }
        assertThat(get.getResponses().get("200").getContent()).isNull();
        assertThat(api.getComponents().getSchemas().get("ProblemDetail").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors");
    }

    private static Operation operation() {
        return new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse()));
    }

    private static OpenAPI api(Operation... operations) {
        Paths paths = new Paths();
        for (int i = 0; i < operations.length; i++) {
            paths.addPathItem("/api/things/" + i, new PathItem().get(operations[i]));
        }
        return new OpenAPI().paths(paths);
    }
}
