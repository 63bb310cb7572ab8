package io.microplatform.support.loadbalancing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.NoopServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.SelectedInstanceCallback;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sends every request with the same key (for inventory, the SKU) to the same instance, so that instance's caches and
 * row locks stay warm for it. Instances come from the same supplier chain as round-robin's (discovery, caching, and
 * Eureka's UP-only filter), so an instance that leaves the registry leaves the ring. A retry that says which attempt
 * it is ({@link RoutingAttempt}) goes to the next instance on the ring, so a dead instance's keys are served by their
 * next owner before the registry evicts it. Requests without a key are spread round-robin rather than all hashed to
 * one instance.
 */
final class ConsistentHashLoadBalancer implements ReactorServiceInstanceLoadBalancer {

    private static final Log log = LogFactory.getLog(ConsistentHashLoadBalancer.class);

    private final SingletonSupplier<ServiceInstanceListSupplier> instances;
    private final String serviceId;
    private final RoutingKey routingKey;
    private final int virtualNodes;
    private final AtomicInteger keylessPosition = new AtomicInteger();
    private volatile HashRing ring = HashRing.EMPTY;

    ConsistentHashLoadBalancer(ObjectProvider<ServiceInstanceListSupplier> instances, String serviceId,
            RoutingKey routingKey, int virtualNodes) {
        this.instances = SingletonSupplier.of(() -> instances.getIfAvailable(NoopServiceInstanceListSupplier::new));
        this.serviceId = serviceId;
        this.routingKey = routingKey;
        this.virtualNodes = virtualNodes;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Mono<Response<ServiceInstance>> choose(Request request) {
        ServiceInstanceListSupplier supplier = instances.obtain();
        return supplier.get(request).next().map(available -> {
            Response<ServiceInstance> response = choose(available, request);
            if (supplier instanceof SelectedInstanceCallback callback && response.hasServer()) {
                callback.selectedServiceInstance(response.getServer());
            }
            return response;
        });
    }

    private Response<ServiceInstance> choose(List<ServiceInstance> available, Request<?> request) {
        if (available.isEmpty()) {
            log.warn("No servers available for service: " + serviceId);
            return new EmptyResponse();
        }
        Optional<String> key = routingKey.of(request);
        ServiceInstance chosen = key.isPresent()
                ? ringFor(available).ownerOf(key.get(), RoutingKey.attemptOf(request))
                : available.get(Math.floorMod(keylessPosition.getAndIncrement(), available.size()));
        return new DefaultResponse(chosen);
    }

    // rebuilt only when the set of instances changes; a race between two rebuilds builds the same ring twice, harmless
    private HashRing ringFor(List<ServiceInstance> available) {
        HashRing current = ring;
        HashRing next = current.rebuiltFor(available, virtualNodes);
        if (next != current) {
            log.info("Hash ring for " + serviceId + " now spans " + next.members());
            ring = next;
        }
        return next;
    }
}
