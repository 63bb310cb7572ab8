package io.microplatform.support.loadbalancing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;

/**
 * Per-client load-balancing strategies for Spring Cloud LoadBalancer, chosen under
 * {@code platform.loadbalancing.clients.<service id>.strategy}: round-robin (the default), weighted, consistent-hash.
 */
@AutoConfiguration
@ConditionalOnClass(LoadBalancerClientFactory.class)
@ConditionalOnProperty(value = "spring.cloud.loadbalancer.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LoadBalancingProperties.class)
@LoadBalancerClients(defaultConfiguration = StrategyConfiguration.class)
public class LoadBalancingAutoConfiguration {
}
