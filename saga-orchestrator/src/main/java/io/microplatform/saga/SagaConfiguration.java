package io.microplatform.saga;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.microplatform.saga.clock.DatabaseClock;
import io.microplatform.saga.domain.RetryPolicy;
import io.microplatform.saga.lease.LeaderElection;
import io.microplatform.saga.lease.LeaseProperties;
import io.microplatform.saga.lease.Leases;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ SagaProperties.class, LeaseProperties.class })
class SagaConfiguration {

    /** The lease whose holder runs the deadline sweeper. */
    static final String SWEEPER_LEASE = "saga-deadline-sweeper";

    /**
     * One clock for every instance: the database's. Deadlines are written by the instance that sends a command and
     * compared by the sweeper on the lease holder, and the lease expires in database time; with each JVM's own clock a
     * skewed instance would re-send too early or too late. Read every few seconds rather than in each statement, so
     * the saga aggregate keeps taking "now" as a plain value.
     */
    /**
     * GET /actuator/info says how patient this orchestrator is: an operator (and the chaos suite, which times its faults
     * by it) sees when a silent participant turns into a TIMED_OUT compensation without reading the configuration.
     */
    @Bean
    InfoContributor sagaTimeoutsInfo(RetryPolicy policy) {
        return info -> info.withDetail("saga", Map.of(
                "stepTimeout", policy.stepTimeout().toString(),
                "backoffMultiplier", policy.backoffMultiplier(),
                "maxStepTimeout", policy.maxStepTimeout().toString(),
                "maxAttempts", policy.maxAttempts(),
                "giveUpAfter", policy.giveUpAfter().toString()));
    }

    @Bean
    DatabaseClock clock(DataSource dataSource, MeterRegistry meters) {
        DatabaseClock clock = DatabaseClock.of(JdbcClient.create(dataSource), Clock.systemUTC());
        Gauge.builder("saga.clock.skew", clock, database -> database.jvmSkew().toMillis() / 1000.0)
                .description("How far this JVM's clock is ahead of the database's; the saga keeps the database's")
                .baseUnit("seconds")
                .register(meters);
        return clock;
    }

    @Bean
    SchedulingConfigurer clockRefresh(DatabaseClock clock, SagaProperties properties) {
        return registrar -> registrar.addFixedDelayTask(clock::refreshQuietly, properties.clockRefreshInterval());
    }

    @Bean
    RetryPolicy retryPolicy(SagaProperties properties) {
        return properties.retryPolicy();
    }

    @Bean
    Leases leases(DataSource dataSource) {
        return new Leases(JdbcClient.create(dataSource));
    }

    @Bean
    LeaderElection sweeperLeaderElection(Leases leases, LeaseProperties properties) {
        String instanceId = StringUtils.hasText(properties.instanceId()) ? properties.instanceId() : defaultInstanceId();
        return new LeaderElection(leases, SWEEPER_LEASE, instanceId, properties.ttl(), properties.renewInterval());
    }

    /**
     * host:pid:random. The random part makes it unique per process even when a restarted process gets the old pid,
     * so a new process never inherits its predecessor's fencing token.
     */
    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
