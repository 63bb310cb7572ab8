package io.microplatform.payment.client;

import java.net.URI;
import java.time.Duration;

import io.microplatform.support.client.ThirdPartySettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the payment provider is and how long to wait for it, under {@code payment.provider.*}.
 *
 * @param baseUrl a fixed URL, not a Eureka service id: the provider is a third party, not in our registry (locally
 *        the simulated provider this service hosts under /simulated/payment-provider)
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout how long to wait for the answer to one attempt; with the retries it bounds how long one
 *        ChargePayment delivery can take (max-attempts x read-timeout + back-off), far below max.poll.interval.ms
 */
@ConfigurationProperties("payment.provider")
record PaymentProviderProperties(URI baseUrl, @DefaultValue("500ms") Duration connectTimeout,
        @DefaultValue("2s") Duration readTimeout) implements ThirdPartySettings {
}
