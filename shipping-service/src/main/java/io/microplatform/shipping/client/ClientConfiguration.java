package io.microplatform.shipping.client;

import java.util.Objects;

import org.springframework.boot.autoconfigure.web.client.RestClientBuilderConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CarrierProperties.class)
class ClientConfiguration {

    /**
     * A plain (not load-balanced) RestClient: the carrier is a third party with its own URL, not in our registry.
     * Boot's configurer adds the observation (http.client.requests metrics, trace propagation). The JDK HttpClient
     * does not re-send a POST on its own, so every attempt is one the Retry made and counted.
     */
    @Bean
    CarrierClient carrierClient(RestClientBuilderConfigurer configurer, CarrierProperties properties) {
        RestClient http = configurer.configure(RestClient.builder())
                .baseUrl(Objects.requireNonNull(properties.baseUrl(), "shipping.carrier.base-url").toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(ClientHttpRequestFactorySettings.defaults()
                        .withTimeouts(properties.connectTimeout(), properties.readTimeout())))
                .build();
        return new CarrierClient(http);
    }
}
