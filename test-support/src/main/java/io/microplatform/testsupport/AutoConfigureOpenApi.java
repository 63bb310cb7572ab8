package io.microplatform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * springdoc's document and Swagger UI in a {@code @WebMvcTest}, built as the running service builds them (with
 * service-support's shared parts): the slice leaves springdoc out. The auto-configurations are listed in
 * {@code META-INF/spring/io.microplatform.testsupport.AutoConfigureOpenApi.imports}, by name, as Boot's own slices
 * list theirs; service-support's among them by name too, as test-support cannot depend on service-support (whose own
 * tests use test-support). For the business services, which have both.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureOpenApi {
}
