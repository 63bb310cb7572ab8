package io.microplatform.support.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every service's OpenAPI document shares (springdoc builds the rest from the controllers): the service's name
 * as title, and its error answers as application/problem+json on every operation (docs/errors.md). springdoc builds
 * the document on its first request, not at start-up.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    /** What no single operation can say, because it is about the routes an operation does not have. */
    static final String DESCRIPTION = """
            Every error is application/problem+json (RFC 9457): type, title, status, detail, instance, and for some \
            problems a property naming what was wrong; never a stack trace. Besides each operation's own answers: an \
            unknown route is 404, a method a route does not take 405 (with Allow), a body that is not \
            application/json 415, a bug 500.""";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(Environment environment) {
        return new OpenAPI().info(new Info()
                .title(environment.getProperty("spring.application.name", "service"))
                // Boot sets it from the jar's Implementation-Version; a run from classes (tests, IDE) has none
                .version(environment.getProperty("spring.application.version", "unreleased"))
                .description(DESCRIPTION));
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    NonEmptyConstraints nonEmptyConstraints() {
        return new NonEmptyConstraints();
    }
}
