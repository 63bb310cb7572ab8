package io.microplatform.support;

import com.netflix.discovery.EurekaClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code discovery} health contributor. It always exists, because the readiness group names it and Boot refuses
 * a group member that is missing: with a Eureka client it follows the first registry fetch, without one (for example
 * {@code eureka.client.enabled=false} in tests) it is UP and says so.
 */
@AutoConfiguration(afterName = "org.springframework.cloud.netflix.eureka.EurekaClientAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("discovery")
public class DiscoveryHealthAutoConfiguration {

    private static final String BEAN_NAME = "discoveryHealthIndicator";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.netflix.discovery.DiscoveryClient")
    @ConditionalOnBean(type = "com.netflix.discovery.EurekaClient")
    static class WithEureka {

        @Bean(BEAN_NAME)
        @ConditionalOnMissingBean(name = BEAN_NAME)
        HealthIndicator discoveryHealthIndicator(ObjectProvider<EurekaClient> eurekaClient) {
            return new EurekaRegistryHealthIndicator(eurekaClient);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(type = "com.netflix.discovery.EurekaClient")
    static class WithoutEureka {

        @Bean(BEAN_NAME)
        @ConditionalOnMissingBean(name = BEAN_NAME)
        HealthIndicator discoveryHealthIndicator() {
            return () -> Health.up().withDetail("description", "discovery disabled").build();
        }
    }
}
