package io.microplatform.order;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Registers the JVM's {@link StubRemoteServices} as the only instance of inventory-service and shipping-service, the
 * way Spring Cloud's SimpleDiscoveryClient takes them from properties (Eureka is off in tests).
 */
public class StubRemoteServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final StubRemoteServices STUB = StubRemoteServices.start();

    public static StubRemoteServices stub() {
        return STUB;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stubRemoteServices", Map.of(
                "spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", STUB.baseUrl(),
                "spring.cloud.discovery.client.simple.instances.shipping-service[0].uri", STUB.baseUrl())));
    }
}
