package io.microplatform.payment;

import io.microplatform.testsupport.ScriptedThirdParty;

import org.springframework.boot.test.context.TestConfiguration;

/** The payment provider as payment-service's ITs see it: scriptable per order, forwarding to the simulated one. */
@TestConfiguration(proxyBeanMethods = false)
class ScriptedPaymentProvider extends ScriptedThirdParty.Setup {

    ScriptedPaymentProvider() {
        super("payment.provider.base-url", "/charges", "/simulated/payment-provider/charges");
    }
}
