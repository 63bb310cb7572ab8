package io.microplatform.support.openapi;

import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.util.ReflectionUtils;

/**
 * {@code @NotBlank} and {@code @NotEmpty} state a minimum of 1 in the document even next to {@code @Size(max = ..)}:
 * swagger-core writes that {@code @Size}'s min (0 unless given) over theirs, which would tell a client that "" or []
 * is accepted where it is refused. Done once the whole model is resolved, after swagger-core has applied the bean
 * validation annotations to each of its properties.
 */
class NonEmptyConstraints implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        // a class becomes a model in the components, and what the chain answers is a reference to it
        Schema<?> model = resolved == null || resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null || type.getType() == null) {
            return resolved;
        }
        Class<?> modelClass = Json.mapper().constructType(type.getType()).getRawClass();
        for (Map.Entry<String, Schema> property : model.getProperties().entrySet()) {
            Field field = ReflectionUtils.findField(modelClass, property.getKey());
            if (field != null && (field.isAnnotationPresent(NotBlank.class) || field.isAnnotationPresent(NotEmpty.class))) {
                atLeastOne(property.getValue());
            }
        }
        return resolved;
    }

    private static void atLeastOne(Schema<?> property) {
        if (is(property, "array")) {
            property.setMinItems(Math.max(1, property.getMinItems() == null ? 0 : property.getMinItems()));
        }
        else if (is(property, "string")) {
            property.setMinLength(Math.max(1, property.getMinLength() == null ? 0 : property.getMinLength()));
        }
    }

    /** OpenAPI 3.1 documents keep the type in {@code types}, 3.0 ones in {@code type}. */
    private static boolean is(Schema<?> property, String type) {
        return type.equals(property.getType()) || property.getTypes() != null && property.getTypes().contains(type);
    }
}
