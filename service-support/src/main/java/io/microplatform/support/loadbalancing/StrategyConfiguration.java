package io.microplatform.support.loadbalancing;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.WeightedServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.cloud.loadbalancer.support.LoadBalancerEnvironmentPropertyUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Spring Cloud LoadBalancer creates one child context per service id and loads this configuration into each
 * (registered as a default configuration). It defines only the load balancer; the instance list still comes from
 * Spring Cloud's own supplier chain (discovery client + cache, or whatever {@code spring.cloud.loadbalancer.configurations}
 * picks), so Eureka's UP-only filtering and every built-in supplier option keep working under every strategy.
 * It is not component-scanned: it must only ever live in those child contexts.
 */
@Configuration(proxyBeanMethods = false)
class StrategyConfiguration {

    private static final Log log = LogFactory.getLog(StrategyConfiguration.class);

    // a client-specific @LoadBalancerClient(configuration = ...) registers first and wins over this default
    @Bean
    @ConditionalOnMissingBean
    ReactorLoadBalancer<ServiceInstance> reactorServiceInstanceLoadBalancer(Environment environment,
            LoadBalancerClientFactory clients, LoadBalancingProperties properties) {
        String serviceId = LoadBalancerClientFactory.getName(environment);
        LoadBalancingProperties.Client client = properties.client(serviceId);
        ObjectProvider<ServiceInstanceListSupplier> instances = clients.getLazyProvider(serviceId,
                ServiceInstanceListSupplier.class);
        log.info("Load balancing " + serviceId + ": " + client.strategy());
        return switch (client.strategy()) {
            case ROUND_ROBIN -> new RoundRobinLoadBalancer(instances, serviceId);
            case WEIGHTED -> new RoundRobinLoadBalancer(weighted(instances, environment, clients, serviceId), serviceId);
            case CONSISTENT_HASH -> new ConsistentHashLoadBalancer(instances, serviceId,
                    new RoutingKey(client.keyHeader(), client.keyFromPath()), client.virtualNodes());
        };
    }

    /**
     * Spring Cloud's WeightedServiceInstanceListSupplier (metadata key {@code weight}, default 1) repeats each
     * instance by its weight in an interleaved list; round-robin over that list gives each instance its exact share.
     */
    private static ObjectProvider<ServiceInstanceListSupplier> weighted(
            ObjectProvider<ServiceInstanceListSupplier> instances, Environment environment,
            LoadBalancerClientFactory clients, String serviceId) {
        if (LoadBalancerEnvironmentPropertyUtils.equalToForClientOrDefault(environment, "configurations", "weighted")) {
            // spring.cloud.loadbalancer.configurations=weighted already weights the list: twice would square weights
            return instances;
        }
        SingletonSupplier<ServiceInstanceListSupplier> weighted = SingletonSupplier
                .of(() -> new WeightedServiceInstanceListSupplier(instances.getObject(), clients));
        return new ObjectProvider<>() {
            @Override
            public ServiceInstanceListSupplier getObject() {
                return weighted.obtain();
            }

            @Override
            public ServiceInstanceListSupplier getIfAvailable() {
                return weighted.obtain();
            }

            @Override
            public ServiceInstanceListSupplier getIfUnique() {
                return weighted.obtain();
            }
        };
    }
}
