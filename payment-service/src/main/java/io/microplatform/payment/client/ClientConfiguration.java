package io.microplatform.payment.client;

import io.microplatform.support.client.ThirdParties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProviderProperties.class)
class ClientConfiguration {

    @Bean
    PaymentProviderClient paymentProviderClient(ThirdParties thirdParties, PaymentProviderProperties provider) {
        return new PaymentProviderClient(thirdParties.connect(PaymentProviderClient.REMOTE, provider,
                PaymentProviderRejectedException::new));
    }
}
