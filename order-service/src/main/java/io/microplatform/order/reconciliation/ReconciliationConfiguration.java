package io.microplatform.order.reconciliation;

import java.util.Map;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReconciliationProperties.class)
class ReconciliationConfiguration {

    /** GET /actuator/info says when a PENDING order is announced again and when it is reported stalled. */
    @Bean
    InfoContributor reconciliationInfo(ReconciliationProperties properties) {
        return info -> info.withDetail("reconciliation", Map.of(
                "enabled", properties.enabled(),
                "interval", properties.interval().toString(),
                "reannounceAfter", properties.reannounceAfter().toString(),
                "stalledAfter", properties.stalledAfter().toString()));
    }
}
