package io.microplatform.order.client;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The services order-service calls while it places an order, under {@code order.clients.*}. */
@ConfigurationProperties("order.clients")
record ClientProperties(@DefaultValue Remote inventory, @DefaultValue Remote shipping) {

    /**
     * @param baseUrl {@code http://<eureka service id>}: Spring Cloud LoadBalancer picks an instance on every call
     * @param connectTimeout how long to wait for a TCP connection; short, every instance is close by
     * @param readTimeout how long to wait for an answer; the caller's HTTP request waits this long at most per call
     */
    record Remote(URI baseUrl, @DefaultValue("1s") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout) {
    }
}
