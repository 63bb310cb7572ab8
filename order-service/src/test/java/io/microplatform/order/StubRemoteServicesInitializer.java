package io.microplatform.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Registers the JVM's {@link StubRemoteServices} as the only instance of inventory-service and shipping-service, the
 * way Spring Cloud's SimpleDiscoveryClient takes them from properties (Eureka is off in tests).
 */
public class StubRemoteServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The service id under which discovery lists {@link StubRemoteServices} and an instance that is dead. */
    public static final String WITH_A_DEAD_INSTANCE = "inventory-with-a-dead-instance";

    private static final StubRemoteServices STUB = StubRemoteServices.start();

    public static StubRemoteServices stub() {
        return STUB;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stubRemoteServices", Map.of(
                "spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", STUB.baseUrl(),
                "spring.cloud.discovery.client.simple.instances.shipping-service[0].uri", STUB.baseUrl(),
                // two instances of inventory on a hash ring, one of them dead (LoadBalancedClientsIT)
                "spring.cloud.discovery.client.simple.instances." + WITH_A_DEAD_INSTANCE + "[0].uri", STUB.baseUrl(),
                "spring.cloud.discovery.client.simple.instances." + WITH_A_DEAD_INSTANCE + "[1].uri",
                "http://127.0.0.1:" + closedPort(),
                "platform.loadbalancing.clients." + WITH_A_DEAD_INSTANCE + ".strategy", "consistent-hash")));
    }

    /** A port nothing listens on: a connection to it is refused, as to an instance that died. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
