package io.microplatform.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * UP when the broker answers a describeCluster. Spring's KafkaAdmin opens a new AdminClient per operation, so this
 * keeps one (created on first use, closed with the context) and bounds every call by a short timeout: a broker that
 * is down must turn readiness DOWN quickly, never hang the health endpoint.
 */
final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    // the client's own timeout fires first; this only guards against a future that never completes
    private static final long GRACE_MILLIS = 500;

    private final Map<String, Object> adminConfig;
    private final int timeoutMillis;
    private Admin admin;

    KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        Map<String, Object> config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, timeoutMillis);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, timeoutMillis);
        // a configured client.id would clash with KafkaAdmin's own clients in JMX
        config.computeIfPresent(AdminClientConfig.CLIENT_ID_CONFIG, (key, id) -> id + "-health");
        this.adminConfig = Map.copyOf(config);
    }

    @Override
    public Health health() {
        try {
            DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis));
            String clusterId = cluster.clusterId().get(timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(timeoutMillis + GRACE_MILLIS, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        }
        catch (ExecutionException ex) {
            return Health.down(ex.getCause()).build();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Health.down(ex).build();
        }
        catch (TimeoutException | KafkaException ex) {
            return Health.down(ex).build();
        }
    }

    // lazy: creating the client resolves the bootstrap addresses, which must not fail the application's start
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofMillis(timeoutMillis));
            admin = null;
        }
    }
}
