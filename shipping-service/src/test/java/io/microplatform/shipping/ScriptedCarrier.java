package io.microplatform.shipping;

import io.microplatform.testsupport.ScriptedThirdParty;
import java.io.IOException;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** The carrier as shipping-service's ITs see it: scriptable per order, forwarding to the simulated one. */
final class ScriptedCarrier extends ScriptedThirdParty {

    private ScriptedCarrier(Environment environment) throws IOException {
        super(environment, "/bookings", "/simulated/carrier/bookings");
    }

    /** Imported by every IT of shipping-service, the same way, so they keep sharing one application context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Setup {

        @Bean
        ScriptedCarrier scriptedCarrier(Environment environment) throws IOException {
            return new ScriptedCarrier(environment);
        }

        @Bean
        DynamicPropertyRegistrar carrierUrl(ScriptedCarrier thirdParty) {
            return registry -> registry.add("shipping.carrier.base-url", thirdParty::baseUrl);
        }
    }
}
