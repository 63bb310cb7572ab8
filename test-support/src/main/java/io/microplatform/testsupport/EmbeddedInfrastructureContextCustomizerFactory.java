package io.microplatform.testsupport;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered in META-INF/spring.factories; spring-test asks it once per test class. */
class EmbeddedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        // also finds the annotation on an enclosing class of a @Nested test
        return TestContextAnnotationUtils.hasAnnotation(testClass, EmbeddedInfrastructure.class)
                ? new EmbeddedInfrastructureContextCustomizer()
                : null;
    }
}
