package io.microplatform.shipping;

import io.microplatform.testsupport.ScriptedThirdParty;

import org.springframework.boot.test.context.TestConfiguration;

/** The carrier as shipping-service's ITs see it: scriptable per order, forwarding to the simulated one. */
@TestConfiguration(proxyBeanMethods = false)
class ScriptedCarrier extends ScriptedThirdParty.Setup {

    ScriptedCarrier() {
        super("shipping.carrier.base-url", "/bookings", "/simulated/carrier/bookings");
    }
}
