package io.microplatform.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTest {

    @Test
    void isDownByTheClientsOwnTimeoutWhenNoBrokerAnswers() throws IOException {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort()), Duration.ofMillis(500));
        try {
            Health health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            // the admin client gave up by the timeout the indicator set on it, not the indicator's guard around the
            // future (java.util.concurrent.TimeoutException) nor Kafka's default of a minute
            assertThat(health.getDetails().get("error")).asString()
                    .startsWith(org.apache.kafka.common.errors.TimeoutException.class.getName() + ": Timed out");
        }
        finally {
            indicator.destroy();
        }
    }

    @Test
    void reusesOneClientAcrossChecks() throws IOException {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort()), Duration.ofMillis(200));
        try {
            indicator.health();
            indicator.health();

            assertThat(adminClientThreads()).isEqualTo(1);
        }
        finally {
            indicator.destroy();
        }
        assertThat(adminClientThreads()).isZero();
    }

    @Test
    void isDownWhenTheBootstrapAddressCannotBeResolved() {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "no-such-host.invalid:9092"), Duration.ofMillis(200));

        Health health = indicator.health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        indicator.destroy();
    }

    // the admin client runs one network thread per client instance
    private static long adminClientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("kafka-admin-client-thread"))
                .filter(Thread::isAlive)
                .count();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
