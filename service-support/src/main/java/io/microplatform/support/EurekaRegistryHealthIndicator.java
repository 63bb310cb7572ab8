package io.microplatform.support;

import java.util.List;

import com.netflix.discovery.DiscoveryClient;
import com.netflix.discovery.EurekaClient;
import com.netflix.discovery.shared.Application;

import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * DOWN until the Eureka client has fetched the registry once, UP from then on. Before that first fetch a
 * load-balanced call fails with "Service Instance cannot be null", so the instance must not count as ready. After it,
 * the client keeps serving its cached registry even while the registry is away, so a later failed fetch stays UP.
 */
final class EurekaRegistryHealthIndicator implements HealthIndicator {

    private final ObjectProvider<EurekaClient> eurekaClient;

    EurekaRegistryHealthIndicator(ObjectProvider<EurekaClient> eurekaClient) {
        this.eurekaClient = eurekaClient;
    }

    @Override
    public Health health() {
        try {
            return check();
        }
        catch (RuntimeException ex) {
            // for example the refresh-scoped client failing to build: a DOWN with the reason, not a 500
            return Health.down(ex).build();
        }
    }

    private Health check() {
        EurekaClient client = eurekaClient.getIfAvailable();
        if (client == null) {
            return Health.down().withDetail("description", "no Eureka client").build();
        }
        if (!client.getEurekaClientConfig().shouldFetchRegistry()) {
            return Health.up().withDetail("description", "registry fetch disabled").build();
        }
        Object target = unproxied(client);
        if (!(target instanceof DiscoveryClient discoveryClient)) {
            return Health.down().withDetail("description", "cannot tell registry fetches of " + target.getClass()).build();
        }
        long sinceLastFetch = discoveryClient.getLastSuccessfulRegistryFetchTimePeriod();
        if (sinceLastFetch < 0) {
            return Health.down().withDetail("description", "no successful registry fetch yet").build();
        }
        List<String> applications = discoveryClient.getApplications().getRegisteredApplications().stream()
                .map(Application::getName)
                .sorted()
                .toList();
        return Health.up()
                .withDetail("applications", applications)
                .withDetail("lastRegistryFetchMillisAgo", sinceLastFetch)
                .build();
    }

    // Spring Cloud puts the client in refresh scope behind an interface proxy; the fetch time is on the class
    private static Object unproxied(Object candidate) {
        Object current = candidate;
        try {
            while (current instanceof Advised advised) {
                current = advised.getTargetSource().getTarget();
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot unwrap " + candidate.getClass(), ex);
        }
        return current;
    }
}
