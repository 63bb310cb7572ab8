package io.microplatform.order.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services order-service calls while it places an order, and the fallbacks when they are down, under
 * {@code order.clients.*}. Breakers, bulkheads and retries are resilience4j's, under {@code resilience4j.*}.
 *
 * @param priceCache the last known prices, used while inventory-service is down
 * @param shippingFlatRate what shipping costs while shipping-service is down (any destination)
 */
@ConfigurationProperties("order.clients")
record ClientProperties(@DefaultValue Remote inventory, @DefaultValue Remote shipping, @DefaultValue PriceCache priceCache,
        @DefaultValue("9.99") BigDecimal shippingFlatRate) {

    /**
     * @param baseUrl {@code http://<eureka service id>}: Spring Cloud LoadBalancer picks an instance on every call
     * @param connectTimeout how long to wait for a TCP connection; short, every instance is close by
     * @param readTimeout how long to wait for an answer to one attempt; a read timeout is not retried, so a placement
     *        waits this long at most for this remote (see docs/resilience.md)
     */
    record Remote(URI baseUrl, @DefaultValue("1s") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout) {
    }

    /**
     * @param maxAge how old a cached price may be and still price an order; older ones are not used (503 instead)
     * @param maximumSize how many skus are kept (least recently used go first)
     */
    record PriceCache(@DefaultValue("10m") Duration maxAge, @DefaultValue("10000") long maximumSize) {
    }
}
