package io.microplatform.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.netflix.appinfo.InstanceInfo;
import com.netflix.appinfo.InstanceInfo.InstanceStatus;
import com.netflix.discovery.shared.Application;
import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * {@code eureka.instances{app,status}}: how many instances of each service the registry lists, by status. The app tag
 * is lower case, like the services' own {@code application} tag, so a query can join the two. An app once seen keeps
 * its UP row at 0 after its last instance was evicted: "no UP instance" is then a value to alert on, not a missing
 * series.
 */
@Component
class EurekaInstancesMetrics implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EurekaInstancesMetrics.class);

    private final PeerAwareInstanceRegistry eureka;
    private final MultiGauge instances;
    private final Duration refreshInterval;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    EurekaInstancesMetrics(PeerAwareInstanceRegistry eureka, MeterRegistry registry,
            @Value("${registry.metrics.refresh-interval:5s}") Duration refreshInterval) {
        this.eureka = eureka;
        this.refreshInterval = refreshInterval;
        this.instances = MultiGauge.builder("eureka.instances")
                .description("Instances the registry lists per service and status")
                .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refresh, refreshInterval);
    }

    void refresh() {
        try {
            Map<String, Map<InstanceStatus, Integer>> counts = new TreeMap<>();
            for (Application application : eureka.getApplicationsFromLocalRegionOnly().getRegisteredApplications()) {
                String app = application.getName().toLowerCase(Locale.ROOT);
                seen.add(app);
                // as registered, all statuses: getInstances() may be filtered to UP ones
                for (InstanceInfo instance : application.getInstancesAsIsFromEureka()) {
                    counts.computeIfAbsent(app, any -> new TreeMap<>()).merge(instance.getStatus(), 1, Integer::sum);
                }
            }
            seen.forEach(app -> counts.computeIfAbsent(app, any -> new TreeMap<>()).putIfAbsent(InstanceStatus.UP, 0));
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            counts.forEach((app, byStatus) -> byStatus.forEach((status, count) ->
                    rows.add(MultiGauge.Row.of(Tags.of("app", app, "status", status.name()), count))));
            // overwrite: a status no instance has any more disappears instead of showing its last count
            instances.register(rows, true);
        } catch (RuntimeException e) {
            // keep the last values; an exception would end the schedule
            log.warn("Could not count Eureka instances: {}", e.toString());
        }
    }
}
