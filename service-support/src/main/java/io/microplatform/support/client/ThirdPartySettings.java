package io.microplatform.support.client;

import java.net.URI;
import java.time.Duration;

/**
 * Where a third party is and how long to wait for it: what a service's own {@code @ConfigurationProperties} record
 * for that third party implements, under the service's own prefix ({@code payment.provider.*}, ...).
 */
public interface ThirdPartySettings {

    /** A fixed URL, not a Eureka service id: a third party is not in our registry. */
    URI baseUrl();

    /** How long to wait for a TCP connection. */
    Duration connectTimeout();

    /** How long to wait for the answer to one attempt. */
    Duration readTimeout();
}
