package io.microplatform.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.microplatform.embedded.PostgresServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.StringUtils;

/**
 * Runs after application.yml is loaded (Boot loads config data before it applies initializers) and before the
 * context refreshes, so the application name is known and the properties are in place for every bean.
 */
class EmbeddedInfrastructureContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE_NAME = "embeddedInfrastructure";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String applicationName = environment.getProperty("spring.application.name");
        if (!StringUtils.hasText(applicationName)) {
            throw new IllegalStateException("@EmbeddedInfrastructure names the test database after "
                    + "spring.application.name, which is not set for " + mergedConfig.getTestClass().getName());
        }
        String database = applicationName.replace('-', '_');
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.ensureDatabase(database, database, database);

        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", () -> postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", () -> database);
        properties.put("spring.datasource.password", () -> database);
        properties.put("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
        properties.put("eureka.client.enabled", () -> "false");
        addBelowTestProperties(environment.getPropertySources(), new LazyPropertySource(PROPERTY_SOURCE_NAME, properties));
    }

    /**
     * spring-test adds the test's own properties with addFirst, ahead of the system properties; Boot appends
     * application.yml behind the system environment. Just above the system properties is between the two, and
     * also above environment variables that could point a test at a real database or broker.
     */
    static void addBelowTestProperties(MutablePropertySources sources, PropertySource<?> source) {
        if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }

    // every annotated test class gets an equal customizer, so Spring's context cache can share their contexts
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }
}
