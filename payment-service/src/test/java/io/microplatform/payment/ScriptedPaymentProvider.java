package io.microplatform.payment;

import io.microplatform.testsupport.ScriptedThirdParty;
import java.io.IOException;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** The payment provider as payment-service's ITs see it: scriptable per order, forwarding to the simulated one. */
final class ScriptedPaymentProvider extends ScriptedThirdParty {

    private ScriptedPaymentProvider(Environment environment) throws IOException {
        super(environment, "/charges", "/simulated/payment-provider/charges");
    }

    /** Imported by every IT of payment-service, the same way, so they keep sharing one application context. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Setup {

        @Bean
        ScriptedPaymentProvider scriptedPaymentProvider(Environment environment) throws IOException {
            return new ScriptedPaymentProvider(environment);
        }

        @Bean
        DynamicPropertyRegistrar paymentProviderUrl(ScriptedPaymentProvider thirdParty) {
            return registry -> registry.add("payment.provider.base-url", thirdParty::baseUrl);
        }
    }
}
