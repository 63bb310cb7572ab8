package io.microplatform.support.openapi;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The error answers of every operation, as {@code ProblemDetailsHandler} gives them: 400 where an operation takes a
 * body or a query or header parameter, 404 where it takes an id in its path, 415 where it takes a body, 500 everywhere.
 * A service declares its domain's answers on the operation ({@code @ApiResponse(responseCode = "422", description =
 * "Unknown SKU ...")}); every error response, declared or added, is given the problem+json content.
 */
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_DETAIL = "ProblemDetail";
    static final String INVALID_FIELD = "InvalidField";
    static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI api) {
        api.schema(INVALID_FIELD, invalidField()).schema(PROBLEM_DETAIL, problemDetail());
        if (api.getPaths() != null) {
            api.getPaths().values().stream().map(PathItem::readOperations).flatMap(List::stream)
                    .forEach(ProblemResponses::document);
        }
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body) {
            responses.putIfAbsent("400", new ApiResponse().description("""
                    Malformed request body (not JSON, or not shaped like the request), or Invalid request: each \
                    invalid field named in errors"""));
            responses.putIfAbsent("415", new ApiResponse().description("Unsupported Media Type: not application/json"));
        }
        else if (parameters.stream().anyMatch(parameter -> !"path".equals(parameter.getIn()))) {
            responses.putIfAbsent("400", new ApiResponse().description("Bad Request: a parameter missing or invalid"));
        }
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            // an id that cannot be one names nothing, like an unknown one (docs/errors.md)
            responses.putIfAbsent("404", new ApiResponse().description("Not Found: nothing has this id"));
        }
        responses.putIfAbsent("500", new ApiResponse().description("A bug, answered without its details"));
        responses.forEach((status, response) -> {
            if (isError(status)) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_DETAIL))));
            }
        });
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Schema<?> problemDetail() {
        return new ObjectSchema()
                .description("RFC 9457 problem details. A problem may carry a property naming what was wrong "
                        + "(orderId, sku, skus, country, ...) besides the members below.")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema()
                        .example("Invalid fields: items[0].quantity must be less than or equal to 1000"))
                .addProperty("instance", new StringSchema().format("uri-reference").example("/api/orders"))
                .addProperty("errors", new ArraySchema()
                        .description("Invalid request only: each invalid field")
                        .items(new Schema<>().$ref(INVALID_FIELD)))
                .additionalProperties(true)
                .required(List.of("type", "title", "status"));
    }

    private static Schema<?> invalidField() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().example("items[0].quantity"))
                .addProperty("message", new StringSchema().example("must be less than or equal to 1000"))
                .required(List.of("field", "message"));
    }
}
