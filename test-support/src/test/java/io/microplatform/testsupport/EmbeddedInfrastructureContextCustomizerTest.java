package io.microplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

class EmbeddedInfrastructureContextCustomizerTest {

    @Test
    void placesItsPropertiesBelowTheTestsOwnAndAboveApplicationYml() {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.addFirst(new MapPropertySource(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
                Map.of("spring.datasource.username", "from-test")));
        sources.addLast(new MapPropertySource("Config resource 'class path resource [application.yml]'",
                Map.of("spring.datasource.username", "from-yml", "spring.datasource.url", "jdbc:from-yml")));

        EmbeddedInfrastructureContextCustomizer.addBelowTestProperties(sources, new MapPropertySource("embedded",
                Map.of("spring.datasource.username", "embedded", "spring.datasource.url", "jdbc:embedded")));

        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("from-test");
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:embedded");
        assertThat(sources.precedenceOf(sources.get("embedded")))
                .isLessThan(sources.precedenceOf(sources.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)));
    }

    @Test
    void equalCustomizersLetAnnotatedTestsShareCachedContexts() {
        assertThat(new EmbeddedInfrastructureContextCustomizer()).isEqualTo(new EmbeddedInfrastructureContextCustomizer())
                .hasSameHashCodeAs(new EmbeddedInfrastructureContextCustomizer());
    }

    @Test
    void readsLazyValuesOnlyWhenAsked() {
        LazyPropertySource source = new LazyPropertySource("lazy", Map.of("a", () -> {
            throw new AssertionError("must not be read");
        }));

        assertThat(source.getPropertyNames()).containsExactly("a");
        assertThat(source.containsProperty("a")).isTrue();
    }
}
