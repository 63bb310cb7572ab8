package io.microplatform.shipping;

import io.microplatform.shipping.client.CarrierClient;
import io.microplatform.support.client.ThirdPartiesAutoConfiguration;
import io.microplatform.testsupport.ThirdPartyConfigurationContract;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Where shipping-service's carrier is: simulated under the profile, a configured URL otherwise, no start with neither. */
class ThirdPartyConfigurationTest extends ThirdPartyConfigurationContract {

    @Override
    protected String thirdParty() {
        return "carrier";
    }

    @Override
    protected Class<?> client() {
        return CarrierClient.class;
    }

    @Override
    protected String simulatedControllerBean() {
        return "simulatedCarrierController";
    }

    @Override
    protected String baseUrlProperty() {
        return "shipping.carrier.base-url";
    }

    @Override
    protected String urlVariable() {
        return "CARRIER_URL";
    }

    @Override
    protected String portVariable() {
        return "SHIPPING_SERVICE_PORT";
    }

    @Override
    protected String simulatedPath() {
        return "/simulated/carrier";
    }

    @Override
    protected Class<?> clientAndSimulated() {
        return ClientAndSimulated.class;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            RestClientAutoConfiguration.class, ThirdPartiesAutoConfiguration.class })
    @ComponentScan(basePackages = { "io.microplatform.shipping.client", "io.microplatform.shipping.simulated" })
    static class ClientAndSimulated {
    }
}
