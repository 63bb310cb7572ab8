package io.microplatform.support.loadbalancing;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The load-balancing strategy of each outbound client, under {@code platform.loadbalancing.clients.<service id>}.
 * A client that is not listed gets Spring Cloud LoadBalancer's round-robin.
 *
 * @param clients settings by Eureka service id (the host part of {@code http://<service id>/...})
 */
@ConfigurationProperties("platform.loadbalancing")
record LoadBalancingProperties(@DefaultValue Map<String, Client> clients) {

    private static final Client ROUND_ROBIN = new Client(Strategy.ROUND_ROBIN, Client.DEFAULT_VIRTUAL_NODES,
            Client.DEFAULT_KEY_HEADER, true);

    Client client(String serviceId) {
        return clients.getOrDefault(serviceId, ROUND_ROBIN);
    }

    /**
     * @param strategy how an instance is picked for each call
     * @param virtualNodes points per instance on the consistent-hash ring: more points, a more even share and a
     *        smaller ring-change spread, at the price of memory (16 bytes a point) and a longer rebuild on change
     * @param keyHeader the request header a caller sets to choose the consistent-hash key explicitly
     * @param keyFromPath without that header, use the last path segment ({@code /api/inventory/items/{sku}} -> the
     *        SKU); requests with neither are spread round-robin
     */
    record Client(@DefaultValue("round-robin") Strategy strategy,
            @DefaultValue("" + DEFAULT_VIRTUAL_NODES) int virtualNodes,
            @DefaultValue(DEFAULT_KEY_HEADER) String keyHeader,
            @DefaultValue("true") boolean keyFromPath) {

        static final int DEFAULT_VIRTUAL_NODES = 160;
        static final String DEFAULT_KEY_HEADER = "X-Routing-Key";

        Client {
            if (virtualNodes < 1) {
                throw new IllegalArgumentException("virtual-nodes must be at least 1, was " + virtualNodes);
            }
        }
    }

    enum Strategy {
        /** Spring Cloud's own RoundRobinLoadBalancer: every instance in turn. */
        ROUND_ROBIN,
        /** Round-robin over a list in which each instance appears as often as its {@code weight} metadata says. */
        WEIGHTED,
        /** A hash ring: the same key goes to the same instance while that instance is in the registry. */
        CONSISTENT_HASH
    }
}
