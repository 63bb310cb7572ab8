package io.microplatform.shipping.client;

import io.microplatform.support.client.ThirdParties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CarrierProperties.class)
class ClientConfiguration {

    @Bean
    CarrierClient carrierClient(ThirdParties thirdParties, CarrierProperties carrier) {
        return new CarrierClient(thirdParties.connect(CarrierClient.REMOTE, carrier, CarrierRejectedException::new));
    }
}
