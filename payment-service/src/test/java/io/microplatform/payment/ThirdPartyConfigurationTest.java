package io.microplatform.payment;

import io.microplatform.payment.client.PaymentProviderClient;
import io.microplatform.support.client.ThirdPartiesAutoConfiguration;
import io.microplatform.testsupport.ThirdPartyConfigurationContract;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Where payment-service's payment provider is: simulated under the profile, a configured URL otherwise, no start with neither. */
class ThirdPartyConfigurationTest extends ThirdPartyConfigurationContract {

    @Override
    protected String thirdParty() {
        return "payment-provider";
    }

    @Override
    protected Class<?> client() {
        return PaymentProviderClient.class;
    }

    @Override
    protected String simulatedControllerBean() {
        return "simulatedPaymentProviderController";
    }

    @Override
    protected String baseUrlProperty() {
        return "payment.provider.base-url";
    }

    @Override
    protected String urlVariable() {
        return "PAYMENT_PROVIDER_URL";
    }

    @Override
    protected String portVariable() {
        return "PAYMENT_SERVICE_PORT";
    }

    @Override
    protected String simulatedPath() {
        return "/simulated/payment-provider";
    }

    @Override
    protected Class<?> clientAndSimulated() {
        return ClientAndSimulated.class;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            RestClientAutoConfiguration.class, ThirdPartiesAutoConfiguration.class })
    @ComponentScan(basePackages = { "io.microplatform.payment.client", "io.microplatform.payment.simulated" })
    static class ClientAndSimulated {
    }
}
